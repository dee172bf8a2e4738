import Core

/// The messages insight looks at when the queue is very large: every labeled
/// message plus an even spread of the others, in arrival order (so "recent" for
/// emerging terms still means late in the file), with the way back to queue indices.
///
/// Term statistics over 1,000,000 messages cost about 600 MB and half a minute
/// of a core that the ranking worker needs; a 200,000-message sample keeps
/// clusters, anomalies and emerging terms representative at a fraction of that.
struct InsightSample {
    /// The sampled messages.
    var store: MessageStore
    /// Queue index of each sampled message.
    var indices: [Int]
    /// Whether the sample is the whole store (positions are queue indices).
    let isWhole: Bool

    /// A sample of at most `limit` messages of `store` that keeps every one in `keep`
    /// (or the whole store, unchanged, when it is small enough).
    init(_ full: MessageStore, keep: Set<Int>, limit: Int) {
        guard full.count > limit else {
            store = full
            indices = Array(0..<full.count)
            isWhole = true
            return
        }
        let others = max(0, limit - keep.count)
        let step = Double(full.count) / Double(max(1, others))
        var chosen = keep
        var k = 0.0
        while chosen.count < keep.count + others, Int(k) < full.count {
            chosen.insert(Int(k))
            k += step
        }
        indices = chosen.sorted()
        isWhole = false
        var s = MessageStore()
        s.reserve(indices.count)
        for i in indices { _ = s.append(full[i]) }
        store = s
    }

    /// The sampled position of each labeled queue index.
    func local(_ labeled: [Int: String]) -> [Int: String] {
        if isWhole { return labeled }
        var position: [Int: Int] = [:]
        position.reserveCapacity(indices.count)
        for (p, i) in indices.enumerated() where labeled[i] != nil { position[i] = p }
        var out: [Int: String] = [:]
        for (i, l) in labeled { if let p = position[i] { out[p] = l } }
        return out
    }

    /// The queue index of sampled position `p`.
    func global(_ p: Int) -> Int { isWhole ? p : indices[p] }
}
