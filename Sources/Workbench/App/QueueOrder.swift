import Core

/// The queue's order from a book and scores: pending by priority (ties by file
/// order), then skipped (file order), then labeled (latest first). Pure, so the
/// ranking worker and the reducer share it.
enum QueueOrder {
    /// Message indices in display order. With `sortPending` false, pending stay in file order.
    static func order(book: QueueBook, scores: [Scored], strategy: QueueStrategy, sortPending: Bool = true) -> [Int] {
        let n = book.status.count
        var pendingKeys: [UInt64] = []
        var skipped: [Int] = []
        var labeled: [UInt64] = []
        pendingKeys.reserveCapacity(book.counts[0])
        skipped.reserveCapacity(book.counts[1])
        labeled.reserveCapacity(book.counts[2])
        let sorted = sortPending && strategy != .file && scores.count == n
        book.status.withUnsafeBufferPointer { st in
            for i in 0..<n {
                switch st[i] {
                case QueueBook.Status.pending.rawValue:
                    let key = sorted ? UInt64(~orderBits(scores[i].priority)) << 32 : 0
                    pendingKeys.append(key | UInt64(i))
                case QueueBook.Status.skipped.rawValue:
                    skipped.append(i)
                default:
                    // Latest decision first, ties by file order.
                    labeled.append(UInt64(UInt32.max - UInt32(truncatingIfNeeded: book.decidedSeq[i])) << 32 | UInt64(i))
                }
            }
        }
        if sorted { pendingKeys.sort() }
        labeled.sort()
        var out: [Int] = []
        out.reserveCapacity(n)
        for k in pendingKeys { out.append(Int(k & 0xFFFF_FFFF)) }
        out += skipped
        for k in labeled { out.append(Int(k & 0xFFFF_FFFF)) }
        return out
    }

    /// Bits of `f` that sort like `f` as unsigned integers.
    @inline(__always)
    static func orderBits(_ f: Float) -> UInt32 {
        let b = f.bitPattern
        return b & 0x8000_0000 != 0 ? ~b : b | 0x8000_0000
    }

    /// `position[queue[k]] = k`.
    static func positions(_ queue: [Int], count: Int) -> [Int32] {
        var pos = [Int32](repeating: 0, count: count)
        for (k, i) in queue.enumerated() where i < count { pos[i] = Int32(k) }
        return pos
    }
}
