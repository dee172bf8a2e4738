import Core

/// The queue's order from a book and scores: pending by priority (ties by file
/// order), then skipped (file order), then labeled (latest first). Pure, so the
/// ranking worker and the reducer share it.
enum QueueOrder {
    /// The queue of `book` and `scores`, as sections. With `sortPending` false, pending stay in file order.
    static func rows(book: QueueBook, scores: [Scored], strategy: QueueStrategy, sortPending: Bool = true) -> QueueRows {
        let s = sections(book: book, scores: scores, strategy: strategy, sortPending: sortPending)
        return QueueRows(pending: s.pending, skipped: s.skipped, labeled: s.labeled, count: book.status.count)
    }

    /// Each section in display order.
    static func sections(book: QueueBook, scores: [Scored], strategy: QueueStrategy,
                         sortPending: Bool) -> (pending: [Int], skipped: [Int], labeled: [Int]) {
        let n = book.status.count
        let keys = pendingKeys(status: book.status, scores: scores, strategy: strategy, sortPending: sortPending)
        var skipped: [Int] = []
        var labeled: [UInt64] = []
        skipped.reserveCapacity(book.counts[1])
        labeled.reserveCapacity(book.counts[2])
        book.status.withUnsafeBufferPointer { st in
            for i in 0..<n {
                switch st[i] {
                case QueueBook.Status.pending.rawValue:
                    break
                case QueueBook.Status.skipped.rawValue:
                    skipped.append(i)
                default:
                    // Latest decision first, ties by file order.
                    labeled.append(UInt64(UInt32.max - UInt32(truncatingIfNeeded: book.decidedSeq[i])) << 32 | UInt64(i))
                }
            }
        }
        RadixSort.sortByHighHalf(&labeled)
        return (keys.map { Int($0 & 0xFFFF_FFFF) }, skipped, labeled.map { Int($0 & 0xFFFF_FFFF) })
    }

    /// The pending messages of `status` by priority, head last (as `QueueRows` stores a section).
    static func pendingHeadLast(status: [UInt8], scores: [Scored], strategy: QueueStrategy) -> [Int32] {
        let keys = pendingKeys(status: status, scores: scores, strategy: strategy, sortPending: true)
        var out = [Int32](repeating: 0, count: keys.count)
        let last = keys.count - 1
        for (k, key) in keys.enumerated() { out[last - k] = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF) }
        return out
    }

    /// Sort keys of the pending messages, in display order: priority (highest first) in the
    /// high 32 bits, message index in the low 32 (ties by file order).
    static func pendingKeys(status: [UInt8], scores: [Scored], strategy: QueueStrategy, sortPending: Bool) -> [UInt64] {
        let n = status.count
        let sorted = sortPending && strategy != .file && scores.count == n
        var keys: [UInt64] = []
        keys.reserveCapacity(n)
        status.withUnsafeBufferPointer { st in
            for i in 0..<n where st[i] == QueueBook.Status.pending.rawValue {
                let key = sorted ? UInt64(~orderBits(scores[i].priority)) << 32 : 0
                keys.append(key | UInt64(i))
            }
        }
        // Appended in index order, so a stable sort by priority alone is the sort of the whole keys.
        if sorted { RadixSort.sortByHighHalf(&keys) }
        return keys
    }

    /// Bits of `f` that sort like `f` as unsigned integers.
    @inline(__always)
    static func orderBits(_ f: Float) -> UInt32 {
        let b = f.bitPattern
        return b & 0x8000_0000 != 0 ? ~b : b | 0x8000_0000
    }
}
