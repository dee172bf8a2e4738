import Core
import Insight
import Testing
@testable import Workbench

/// `QueueRows` gives the same order as the plain array it replaced, under random operations.
@Suite("Queue sections")
struct QueueRowsTests {
    /// The old representation: one array in display order; a section's head is found from the counts.
    struct Reference {
        var rows: [Int] = []
        var section: [Int: Int] = [:]

        func start(_ s: Int) -> Int { (0..<s).reduce(0) { acc, t in acc + section.values.filter { $0 == t }.count } }

        mutating func moveToHead(_ i: Int, _ s: Int) {
            remove(i)
            rows.insert(i, at: start(s))
            section[i] = s
        }

        mutating func remove(_ i: Int) {
            guard let p = rows.firstIndex(of: i) else { return }
            rows.remove(at: p)
            section[i] = nil
        }

        var pending: [Int] { rows.filter { section[$0] == 0 } }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomOperationsMatchThePlainArray(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
        let n = 40
        let start = (0..<n).shuffled(using: &rng)
        var ref = Reference()
        for i in start { ref.rows.append(i); ref.section[i] = 0 }
        var rows = QueueRows(start, count: n)
        for step in 0..<1500 {
            let i = below(n)
            switch below(10) {
            case 0..<6:
                let s = below(3)
                ref.moveToHead(i, s)
                rows.moveToHead(i, of: QueueRows.Section(rawValue: s)!)
            case 6:
                ref.remove(i)
                rows.remove(i)
            case 7:
                let m = below(6)
                let head = Array(ref.pending.prefix(m))
                let shuffled = head.shuffled(using: &rng)
                let start = ref.rows.firstIndex { ref.section[$0] == 0 } ?? 0
                ref.rows.replaceSubrange(start..<(start + head.count), with: shuffled)
                rows.reorderPendingHead(shuffled)
            case 8:
                // A ranking: the pending messages in a new order (plus messages not pending, which are ignored).
                let order = ref.pending.shuffled(using: &rng)
                let stray = ref.rows.filter { ref.section[$0] != 0 }.prefix(2)
                if order.count >= 2 {
                    // Same count, one message twice and one missing: refused, nothing changed.
                    let twice = Array(order.dropLast()) + [order[0]]
                    let refused = rows.reorderPending(headLast: twice.reversed().map { Int32($0) })
                    #expect(!refused)
                }
                if below(2) == 0 {
                    let taken = rows.reorderPending(headLast: order.reversed().map { Int32($0) })
                    #expect(taken)
                } else {
                    if !stray.isEmpty {
                        let withStray = rows.reorderPending(headLast: (order.reversed() + stray).map { Int32($0) })
                        #expect(!withStray)
                    }
                    rows.replacePending(headLast: (order.reversed() + stray).map { Int32($0) })
                }
                let rest = ref.rows.filter { ref.section[$0] != 0 }
                ref.rows = order + rest
            default:
                #expect(rows.pendingHead(5) == Array(ref.pending.prefix(5)))
            }
            #expect(Array(rows) == ref.rows, "step \(step)")
            for m in 0..<n {
                #expect(rows.row(of: m) == ref.rows.firstIndex(of: m), "message \(m) at step \(step)")
                #expect(rows.section(of: m)?.rawValue == ref.section[m], "message \(m) at step \(step)")
            }
            for s in QueueRows.Section.allCases {
                #expect(rows.count(of: s) == ref.section.values.filter { $0 == s.rawValue }.count)
                #expect(rows.start(of: s) == ref.start(s.rawValue))
            }
        }
    }

    @Test func sectionsAreShownInOrder() {
        let rows = QueueRows(pending: [4, 1], skipped: [3], labeled: [0, 2], count: 5)
        #expect(Array(rows) == [4, 1, 3, 0, 2])
        #expect(rows.row(of: 0) == 3)
        #expect(rows.section(of: 3) == .skipped)
        #expect(rows.pending == [4, 1])
        #expect(rows.row(of: 7) == nil)
    }

    @Test func decisionsMoveOneMessageToTheHeadOfItsSection() {
        var rows = QueueRows(pending: [0, 1, 2, 3], skipped: [], labeled: [4], count: 5)
        rows.moveToHead(2, of: .labeled)
        #expect(Array(rows) == [0, 1, 3, 2, 4])
        rows.moveToHead(0, of: .skipped)
        #expect(Array(rows) == [1, 3, 0, 2, 4])
        rows.moveToHead(4, of: .pending)
        #expect(Array(rows) == [4, 1, 3, 0, 2])
    }
}
