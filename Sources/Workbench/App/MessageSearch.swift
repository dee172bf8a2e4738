import Core
import Dispatch
import Foundation

/// Case-insensitive substring search over the store's raw UTF-8 (texts and ids), without making a `String` per message.
///
/// An ASCII query is compared byte by byte with ASCII case folding; a message
/// containing non-ASCII bytes that does not match that way is checked again with
/// Foundation (case- and diacritic-insensitive), so the result equals
/// `text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil`.
/// A non-ASCII query always uses Foundation.
struct MessageSearch: Sendable {
    let query: String
    /// The query lower-cased, when it is all ASCII.
    let folded: [UInt8]?

    init(_ query: String) {
        self.query = query
        let bytes = Array(query.utf8)
        folded = bytes.allSatisfy { $0 < 0x80 } ? bytes.map(Self.lower) : nil
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    /// Whether message `i` contains the query, in its text or its id (an id copied from a
    /// report or the Review view finds its message).
    func matches(_ store: MessageStore, _ i: Int) -> Bool {
        guard !query.isEmpty else { return false }
        if let q = folded {
            let (hit, ascii) = store.withTextBytes(i) { Self.find(q, in: $0) }
            if hit || store.withIDBytes(i, { Self.find(q, in: $0).0 }) { return true }
            if ascii { return false }
        }
        return store.text(i).range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            || store.id(i).range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// Whether `q` (lower-case ASCII) occurs in `t` ignoring ASCII case, and whether `t` is all ASCII.
    static func find(_ q: [UInt8], in t: UnsafeBufferPointer<UInt8>) -> (Bool, Bool) {
        let m = q.count, n = t.count
        var ascii = true
        guard m <= n else {
            for b in t where b >= 0x80 { ascii = false; break }
            return (false, ascii)
        }
        let first = q[0]
        var p = 0
        while p < n {
            let b = t[p]
            if b >= 0x80 { ascii = false }
            if lower(b) == first, p + m <= n {
                var k = 1
                while k < m, lower(t[p + k]) == q[k] { k += 1 }
                if k == m { return (true, ascii) }
            }
            p += 1
        }
        return (false, ascii)
    }

    /// The first position `k` in `order` (visited from `start` towards `forward`, wrapping,
    /// at most `limit` positions) whose message matches; `visited` says how many were checked.
    func scan<Order: RandomAccessCollection<Int>>(_ store: MessageStore, order: Order, from start: Int, forward: Bool,
                                                 limit: Int) -> (found: Int?, visited: Int) where Order.Index == Int {
        let n = order.count
        guard n > 0 else { return (nil, 0) }
        let steps = min(n, limit)
        for step in 0..<steps {
            let k = ((forward ? start + step : start - step) % n + n) % n
            if matches(store, order[k]) { return (k, step + 1) }
        }
        return (nil, steps)
    }

    /// Number of messages of `store` containing `query`, using every core.
    static func count(_ store: MessageStore, query: String) -> Int {
        let search = MessageSearch(query)
        let n = store.count
        let chunks = max(1, min(64, n / 4096))
        let counts = Counts(chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var hits = 0
            for i in (c * n / chunks)..<((c + 1) * n / chunks) where search.matches(store, i) { hits += 1 }
            counts.set(c, hits)
        }
        return counts.total
    }

    /// For every index below `n`, whether `hit` holds, using every core.
    static func matchSet(count n: Int, _ hit: @Sendable (Int) -> Bool) -> [Bool] {
        let chunks = max(1, min(64, n / 4096))
        var out = [Bool](repeating: false, count: n)
        out.withUnsafeMutableBufferPointer { buf in
            let base = Pointer(buf.baseAddress)
            // Each chunk writes its own disjoint range of the buffer.
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * n / chunks)..<((c + 1) * n / chunks) where hit(i) { base.at(i) }
            }
        }
        return out
    }

    /// A buffer shared by workers that write disjoint indices.
    struct Pointer: @unchecked Sendable {
        let base: UnsafeMutablePointer<Bool>?
        init(_ base: UnsafeMutablePointer<Bool>?) { self.base = base }
        func at(_ i: Int) { base?[i] = true }
    }

    /// Per-chunk results written from worker threads.
    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int]
        init(_ n: Int) { values = Array(repeating: 0, count: n) }
        func set(_ i: Int, _ v: Int) {
            lock.lock(); defer { lock.unlock() }
            values[i] = v
        }
        var total: Int {
            lock.lock(); defer { lock.unlock() }
            return values.reduce(0, +)
        }
    }
}
