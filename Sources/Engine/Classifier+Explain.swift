import Core

/// Exact explanations, readable top terms and the weight fingerprint.
extension Classifier {
    /// Why the model prefers `target` over `rival` for a message, token by token.
    ///
    /// Defaults: the top label versus the runner-up (with a `target` and no
    /// `rival`, the best other label). Every feature's score difference is
    /// given to the tokens it came from: a unigram to its token, a bigram half
    /// to each of its two tokens, a character n-gram evenly to every occurrence
    /// of the word(s) it came from, a lexicon feature to the term's tokens. So
    /// `bias + sum(contributions) == scoreDifference` (computed in that order),
    /// and `scoreDifference` equals the difference of the model's scores up to
    /// `Float` rounding. Returns nil when no label is known or `target` is unknown.
    public func explain(_ text: String, target: String? = nil, rival: String? = nil) -> Explanation? {
        guard !activeColumns.isEmpty else { return nil }
        let tokens = Tokenizer.tokenize(text)
        let (traced, fv) = featurizer.traced(tokens, suppressed: suppressed, generation: featureGeneration)
        let pred = predict(fv)
        guard let t = target ?? pred.top, let tc = column(t) else { return nil }
        var r = rival
        if r == nil {
            var best: (String, Double)?
            for (i, l) in pred.labels.enumerated() where l != t {
                if best == nil || pred.probabilities[i] > (best?.1 ?? 0) { best = (l, pred.probabilities[i]) }
            }
            r = best?.0
        }
        let rc = r.flatMap { column($0) }
        var contrib = [Double](repeating: 0, count: tokens.count)
        @inline(__always) func diff(_ slot: UInt32) -> Double {
            Double(weight(slot, tc)) - (rc.map { Double(weight(slot, $0)) } ?? 0)
        }
        @inline(__always) func spread(_ d: Double, _ toks: [Int32]) {
            let share = d / Double(toks.count)
            for k in toks { contrib[Int(k)] += share }
        }
        for (k, f) in traced.enumerated() {
            spread(Double(f.value) * diff(f.slot), f.tokens)
            if k < fv.wordCount, let entry = lexicon[f.slot] {
                let prior = { (c: Int) in Double(entry.priors.first { $0.column == c }?.value ?? 0) }
                let d = diff(featurizer.lexiconSlot(f.slot)) + prior(tc) - (rc.map(prior) ?? 0)
                spread(d, f.tokens)
            }
        }
        let b = Double(bias[tc]) - (rc.map { Double(bias[$0]) } ?? 0)
        let contributions = tokens.indices.map { TokenContribution(token: tokens[$0].text, range: tokens[$0].range, weight: contrib[$0]) }
        let total = b + contributions.map(\.weight).reduce(0, +)
        return Explanation(target: t, rival: r, scoreDifference: total, bias: b, contributions: contributions)
    }

    /// Raw score (logit) of each active label for a message, in `labels` order.
    public func scores(_ text: String) -> [Double] {
        guard !activeColumns.isEmpty else { return [] }
        let s = scores(featurize(text))
        return activeColumns.map { Double(s[$0 >> 2][$0 & 3]) }
    }

    /// A 64-bit hash of everything learned (labels, weights, AdaGrad sums, lexicon, suppressions).
    ///
    /// Equal fingerprints mean bit-identical models (up to hash collisions).
    public var fingerprint: UInt64 {
        var h = FeatureHash.fnvOffset
        @inline(__always) func mix(_ x: UInt64) { h = (h ^ x) &* FeatureHash.fnvPrime; h ^= h >> 29 }
        for (i, n) in names.enumerated() {
            mix(FeatureHash.bytes(n, seed: 7))
            mix(retired[i] ? 1 : 0)
            mix(UInt64(bias[i].bitPattern) | UInt64(biasAccum[i].bitPattern) << 32)
        }
        let cols = names.count, ln = lanes
        if ln > 0 {
            table.withUnsafeBufferPointer { t in
                for s in 0..<slotCount {
                    let base = s * ln
                    let av = t[base + ln - 1][3]
                    for c in 0..<cols {
                        let wv = t[base + c >> 2][c & 3]
                        guard wv != 0 || av != 0 else { continue }
                        mix(UInt64(s * cols + c))
                        mix(UInt64(wv.bitPattern) | UInt64(av.bitPattern) << 32)
                    }
                }
            }
        }
        for slot in lexicon.keys.sorted() {
            guard let e = lexicon[slot] else { continue }
            mix(UInt64(slot))
            for p in e.priors { mix(UInt64(p.column) << 32 | UInt64(p.value.bitPattern)) }
        }
        for k in suppressed.sorted() { mix(k) }
        mix(UInt64(examplesLearned))
        return FeatureHash.mix(h)
    }
}
