import Collections

/// The readable terms the model relies on, per label (learned lexicon, cycle reports).
extension Classifier {
    /// The `count` readable terms the model ties most to a label (weight minus mean of other labels),
    /// best first; ties by term.
    public func topTerms(label: String, count: Int) -> [TermWeight] {
        guard column(label) != nil, count > 0 else { return [] }
        return topTermsByLabel(count: count, labels: [label])[label] ?? []
    }

    /// `topTerms` for every active label (or the given ones) in one pass over the vocabulary.
    ///
    /// Keeps a bounded heap per label, so the cost is one row read per remembered
    /// term plus O(log count) per term that enters a top list — a few milliseconds
    /// at the 200,000-term vocabulary limit, instead of a full sort per label.
    public func topTermsByLabel(count: Int, labels wanted: Set<String>? = nil) -> [String: [TermWeight]] {
        let cols = activeColumns.filter { wanted?.contains(names[$0]) ?? true }
        guard count > 0, !cols.isEmpty else { return [:] }
        let others = Double(max(activeColumns.count - 1, 1))
        let single = activeColumns.count <= 1
        var heaps = [Heap<Candidate>](repeating: Heap(), count: cols.count)
        // Weight of each full list's worst entry (-inf until full): the hot test touches no heap.
        var floor = [Double](repeating: -.infinity, count: cols.count)
        let ln = lanes
        // Hoisted out of the loop: which lanes count towards the sum, and each wanted column's place.
        var mask = [SIMD4<Float>](repeating: .zero, count: ln)
        for c in activeColumns { mask[c >> 2][c & 3] = 1 }
        let lane = cols.map { $0 >> 2 }, sub = cols.map { $0 & 3 }
        table.withUnsafeBufferPointer { t in
            mask.withUnsafeBufferPointer { mask in
                // Keys only: a term's spelling is looked up when it may enter a list (no retain per entry).
                for slot in vocabulary.slots {
                    let base = Int(slot) &* ln
                    var sum = 0.0
                    for j in 0..<ln {
                        let v = t[base &+ j] * mask[j]
                        sum += Double(v[0]) + Double(v[1]) + Double(v[2]) + Double(v[3])
                    }
                    for q in 0..<lane.count {
                        let wc = Double(t[base &+ lane[q]][sub[q]])
                        let w = single ? wc : wc - (sum - wc) / others
                        guard w != 0, w >= floor[q] else { continue }
                        if heaps[q].count < count {
                            heaps[q].insert(Candidate(weight: w, term: vocabulary[slot] ?? ""))
                            if heaps[q].count == count { floor[q] = heaps[q].min?.weight ?? -.infinity }
                        } else if let worst = heaps[q].min {
                            let candidate = Candidate(weight: w, term: vocabulary[slot] ?? "")
                            if candidate > worst {
                                heaps[q].replaceMin(with: candidate)
                                floor[q] = heaps[q].min?.weight ?? -.infinity
                            }
                        }
                    }
                }
            }
        }
        var out: [String: [TermWeight]] = [:]
        for (q, c) in cols.enumerated() {
            var best = heaps[q].unordered.map { TermWeight(term: $0.term, weight: $0.weight) }
            best.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            out[names[c]] = best
        }
        return out
    }

    /// The weight `topTerms` gives one term for a label, or nil when the term is not
    /// a single word or two-word phrase, or the label is unknown.
    public func termWeight(_ term: String, label: String) -> Double? {
        guard let c = column(label), let key = featurizer.termKey(term) else { return nil }
        let slot = featurizer.slot(key)
        let wc = Double(weight(slot, c))
        guard activeColumns.count > 1 else { return wc }
        var sum = 0.0
        for o in activeColumns where o != c { sum += Double(weight(slot, o)) }
        return wc - sum / Double(activeColumns.count - 1)
    }

    /// A term in a top list: better is a higher weight, then an earlier term.
    struct Candidate: Comparable {
        var weight: Double
        var term: String

        static func < (a: Candidate, b: Candidate) -> Bool {
            a.weight != b.weight ? a.weight < b.weight : a.term > b.term
        }
    }
}
