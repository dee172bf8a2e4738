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

    /// Adopting a ranking's order patched for the changes made while it ran gives exactly the
    /// queue the full filter-and-replace gives, and every message's row is right.
    @Test(arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func adoptingAnOrderEqualsReplacingTheSection(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
        let n = 60
        for _ in 0..<40 {
            var rows = QueueRows((0..<n).shuffled(using: &rng), count: n)
            for _ in 0..<below(20) { rows.moveToHead(below(n), of: QueueRows.Section(rawValue: 1 + below(2))!) }
            // The ranking: the pending messages of now, in some order.
            let ranked = rows.pending.shuffled(using: &rng).map { Int32($0) }
            var order = PendingOrder(headLast: ranked, count: n)
            // Changes while it ran (a change log, repeats allowed), mostly near the head.
            var changed: [Int] = []
            for _ in 0..<below(8) {
                let i = below(3) == 0 ? below(n) : (rows.pendingHead(3).randomElement(using: &rng) ?? below(n))
                rows.moveToHead(i, of: QueueRows.Section(rawValue: below(3))!)
                changed.append(i)
            }
            let pendingNow = Set(rows.pending)
            var seen = Set<Int>()
            let lead = changed.filter { pendingNow.contains($0) && seen.insert($0).inserted }
            let leaving = changed.filter { !pendingNow.contains($0) }
            // Reference: filter the order, append the lead, replace the section.
            var expected = rows
            let kept = ranked.filter { pendingNow.contains(Int($0)) && !lead.contains(Int($0)) }
            expected.replacePending(headLast: kept + lead.reversed().map { Int32($0) })
            #expect(rows.adoptPending(&order, leaving: leaving, leading: lead))
            #expect(Array(rows) == Array(expected))
            for m in 0..<n {
                #expect(rows.row(of: m) == expected.row(of: m), "message \(m)")
                #expect(rows.section(of: m) == expected.section(of: m))
            }
        }
    }

    @Test func anOrderThatDoesNotFitIsRefusedAndKept() {
        var rows = QueueRows(pending: [0, 1, 2, 3], skipped: [], labeled: [4], count: 5)
        var order = PendingOrder(headLast: [3, 2, 1], count: 5)  // one pending message missing
        #expect(!rows.adoptPending(&order, leaving: [], leading: []))
        #expect(order.headLast == [3, 2, 1])
        #expect(Array(rows) == [0, 1, 2, 3, 4])
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
