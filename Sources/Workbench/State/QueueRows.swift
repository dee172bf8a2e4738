/// The queue in display order — pending, then skipped, then labeled — kept as
/// three sections so that a decision costs O(1), not a move of the whole queue.
///
/// Each section is stored head-last (its first row is the last element of its
/// array): taking a message off a section's head or putting one there is an
/// append or a remove at the end. Every message also records its section and its
/// place in that section's storage, so its row is computed exactly (no search),
/// and a move only shifts the rows above the message within its section.
public struct QueueRows: RandomAccessCollection, Sendable, Equatable {
    /// The sections, in display order; raw values match `QueueBook.Status`.
    public enum Section: Int, Sendable, CaseIterable {
        case pending = 0
        case skipped = 1
        case labeled = 2
    }

    /// Marks a message that is not queued in `sectionOf`.
    private static let none: UInt8 = .max
    /// Message indices per section, head last.
    private var stacks: [[Int32]] = [[], [], []]
    /// Section of each message index (`none`: not queued).
    private var sectionOf: [UInt8] = []
    /// Place of each message in its section's storage.
    private var place: [Int32] = []

    /// An empty queue.
    public init() {}

    /// A queue showing `pending`, then `skipped`, then `labeled` (each in display order)
    /// over message indices `0..<count`.
    public init(pending: [Int], skipped: [Int], labeled: [Int], count: Int) {
        sectionOf = Array(repeating: Self.none, count: count)
        place = Array(repeating: 0, count: count)
        for (s, rows) in [pending, skipped, labeled].enumerated() {
            var stack: [Int32] = []
            stack.reserveCapacity(rows.count)
            for i in rows.reversed() where i >= 0 && i < count && sectionOf[i] == Self.none {
                sectionOf[i] = UInt8(s)
                place[i] = Int32(stack.count)
                stack.append(Int32(i))
            }
            stacks[s] = stack
        }
    }

    /// A queue of the messages `order` (all pending, in that order), over indices `0..<count`.
    public init(_ order: [Int], count: Int? = nil) {
        self.init(pending: order, skipped: [], labeled: [], count: count ?? (order.max().map { $0 + 1 } ?? 0))
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { stacks[0].count + stacks[1].count + stacks[2].count }

    /// The message index on `row`.
    public subscript(row: Int) -> Int {
        var r = row
        for s in 0..<3 {
            let c = stacks[s].count
            if r < c { return Int(stacks[s][c - 1 - r]) }
            r -= c
        }
        preconditionFailure("queue row \(row) out of range 0..<\(endIndex)")
    }

    // MARK: Look-ups

    /// Number of messages in `section`.
    public func count(of section: Section) -> Int { stacks[section.rawValue].count }

    /// The first row of `section`.
    public func start(of section: Section) -> Int {
        var r = 0
        for s in 0..<section.rawValue { r += stacks[s].count }
        return r
    }

    /// The section message `i` is in, or nil when it is not queued.
    public func section(of i: Int) -> Section? {
        guard i >= 0, i < sectionOf.count else { return nil }
        return Section(rawValue: Int(sectionOf[i]))
    }

    /// The row of message `i`, or nil when it is not queued.
    public func row(of i: Int) -> Int? {
        guard let s = section(of: i) else { return nil }
        return start(of: s) + stacks[s.rawValue].count - 1 - Int(place[i])
    }

    /// The first `m` rows of the pending section (fewer when it is shorter).
    public func pendingHead(_ m: Int) -> [Int] {
        let stack = stacks[0]
        let k = Swift.min(Swift.max(0, m), stack.count)
        return (0..<k).map { Int(stack[stack.count - 1 - $0]) }
    }

    /// The pending section in display order (head first).
    public var pending: [Int] { pendingHead(stacks[0].count) }

    // MARK: Changes

    /// Puts message `i` on the first row of `section`, taking it out of wherever it was.
    /// Costs O(1) plus the rows above it in its old section.
    public mutating func moveToHead(_ i: Int, of section: Section) {
        guard i >= 0, i < sectionOf.count else { return }
        remove(i)
        let s = section.rawValue
        sectionOf[i] = UInt8(s)
        place[i] = Int32(stacks[s].count)
        stacks[s].append(Int32(i))
    }

    /// Takes message `i` out of the queue (the rows above it in its section shift down by one).
    public mutating func remove(_ i: Int) {
        guard let s = section(of: i)?.rawValue else { return }
        let p = Int(place[i])
        stacks[s].remove(at: p)
        let stack = stacks[s]
        place.withUnsafeMutableBufferPointer { place in
            for k in p..<stack.count { place[Int(stack[k])] = Int32(k) }
        }
        sectionOf[i] = Self.none
    }

    /// Replaces the first `rows.count` rows of the pending section with `rows` (the same messages, re-ordered).
    public mutating func reorderPendingHead(_ rows: [Int]) {
        let c = stacks[0].count
        guard rows.count <= c else { return }
        for (k, i) in rows.enumerated() where i >= 0 && i < sectionOf.count {
            let at = c - 1 - k
            stacks[0][at] = Int32(i)
            sectionOf[i] = UInt8(Section.pending.rawValue)
            place[i] = Int32(at)
        }
    }

    /// Replaces the pending section with `rows`, given head-last (as the ranking worker delivers it).
    /// Messages that were pending and are not in `rows` leave the queue.
    public mutating func replacePending(headLast rows: [Int32]) {
        let pendingMark = UInt8(Section.pending.rawValue)
        let old = stacks[0]
        stacks[0] = []
        var stack: [Int32] = []
        stack.reserveCapacity(rows.count)
        sectionOf.withUnsafeMutableBufferPointer { sec in
            for i in old where sec[Int(i)] == pendingMark { sec[Int(i)] = Self.none }
            place.withUnsafeMutableBufferPointer { place in
                // Only messages not in another section (nor twice in `rows`) are taken.
                for i in rows where i >= 0 && Int(i) < sec.count && sec[Int(i)] == Self.none {
                    sec[Int(i)] = pendingMark
                    place[Int(i)] = Int32(stack.count)
                    stack.append(i)
                }
            }
        }
        stacks[0] = stack
    }

    /// Takes `order` as the pending section without a pass over every message: `order` was
    /// computed from an earlier state of the queue, and since then the messages `leaving` may
    /// have left the pending section and the messages `leading` may have (re-)entered it.
    /// Those of them in `order` are taken out (only the rows above them shift), then `leading`
    /// go on the head, the first of them first. The places of the other sections are copied
    /// into `order.places`, which becomes this queue's. Its arrays are moved, not copied (so
    /// `order` is left empty). Returns false, changing nothing (`order` included), when the
    /// result would not hold exactly as many messages as the pending section now does.
    public mutating func adoptPending(_ order: inout PendingOrder, leaving: [Int], leading: [Int]) -> Bool {
        let count = order.places.count
        guard count == sectionOf.count else { return false }
        func position(_ i: Int, in rows: [Int32], _ places: [Int32]) -> Int? {
            guard i >= 0, i < count else { return nil }
            let p = Int(places[i])
            return p >= 0 && p < rows.count && rows[p] == Int32(i) ? p : nil
        }
        let out = Set((leaving + leading).compactMap { position($0, in: order.headLast, order.places) }).sorted()
        var seen = Set<Int>()
        let lead = leading.filter { $0 >= 0 && $0 < count && seen.insert($0).inserted }
        guard order.headLast.count - out.count + lead.count == stacks[0].count else { return false }
        var rows: [Int32] = [], places: [Int32] = []
        swap(&rows, &order.headLast)
        swap(&places, &order.places)
        if let first = out.first {
            var write = first, next = 0
            for read in first..<rows.count {
                if next < out.count, out[next] == read {
                    next += 1
                    continue
                }
                rows[write] = rows[read]
                places[Int(rows[write])] = Int32(write)
                write += 1
            }
            rows.removeLast(rows.count - write)
        }
        for i in lead.reversed() {
            places[i] = Int32(rows.count)
            rows.append(Int32(i))
        }
        places.withUnsafeMutableBufferPointer { p in
            for s in 1...2 {
                for (k, i) in stacks[s].enumerated() { p[Int(i)] = Int32(k) }
            }
        }
        stacks[0] = rows
        place = places
        return true
    }

    /// Puts the pending section in the order `rows` (head-last) when `rows` holds exactly the
    /// pending messages, each once — the common case of a ranking installed over an unchanged
    /// set. One pass to check, one to write each message's place: about half the work of
    /// `replacePending`. Returns false, changing nothing, when the sets differ.
    public mutating func reorderPending(headLast rows: [Int32]) -> Bool {
        let pendingMark = UInt8(Section.pending.rawValue)
        guard rows.count == stacks[0].count else { return false }
        var seen = [UInt64](repeating: 0, count: (sectionOf.count + 63) / 64)
        let same = sectionOf.withUnsafeBufferPointer { sec in
            seen.withUnsafeMutableBufferPointer { seen in
                for i in rows {
                    let k = Int(i)
                    guard k >= 0, k < sec.count, sec[k] == pendingMark else { return false }
                    let bit: UInt64 = 1 << UInt64(k & 63)
                    if seen[k >> 6] & bit != 0 { return false }
                    seen[k >> 6] |= bit
                }
                return true
            }
        }
        guard same else { return false }
        place.withUnsafeMutableBufferPointer { place in
            for (k, i) in rows.enumerated() { place[Int(i)] = Int32(k) }
        }
        stacks[0] = rows
        return true
    }
}
