import Foundation

/// The labeled set re-indexed to the feature slots it uses, for fast consolidation passes.
///
/// Same model and update as `Classifier.step` (softmax, AdaGrad, fixed lexicon
/// priors, learned lexicon features), over compact ids instead of hashed slots.
struct CompactProblem {
    let lanes: Int
    let activeColumns: [Int]
    /// Hashed slot of each compact id (sorted).
    var slots: [UInt32] = []
    /// All examples' compact ids and values, example `e` at `offsets[e]..<offsets[e + 1]`.
    var ids: [UInt32] = []
    var values: [Float] = []
    var offsets: [Int] = [0]
    /// Per example: label column and fixed prior scores.
    var labels: [Int]
    var priors: [[SIMD4<Float>]?] = []
    var w: [SIMD4<Float>]
    var g: [SIMD4<Float>]
    var bias: [SIMD4<Float>]
    var biasG: [SIMD4<Float>]
    /// Averaging state: sum of (t-1)·update, and step count t.
    var u: [SIMD4<Float>] = []
    var ub: [SIMD4<Float>] = []
    var t: Float = 0
    var averagingOn = false
    /// Whether steps used one AdaGrad accumulator per feature (`step(shared: true)`).
    var sharedRates = false

    init(model: Classifier, vectors: [FeatureVector], labels: [Int]) {
        lanes = model.lanes
        activeColumns = model.activeColumns
        self.labels = labels
        var all: [UInt32] = []
        var withLex: [[UInt32]] = []
        withLex.reserveCapacity(vectors.count)
        for fv in vectors {
            var s = fv.indices
            if !model.lexicon.isEmpty {
                var prior = [SIMD4<Float>](repeating: .zero, count: model.lanes)
                var any = false
                for k in 0..<fv.wordCount {
                    guard let e = model.lexicon[fv.indices[k]] else { continue }
                    s.append(model.featurizer.lexiconSlot(fv.indices[k]))
                    for p in e.priors { prior[p.column >> 2][p.column & 3] += p.value; any = true }
                }
                priors.append(any ? prior : nil)
            } else {
                priors.append(nil)
            }
            all.append(contentsOf: s)
            withLex.append(s)
        }
        all.sort()
        var uniq: [UInt32] = []
        uniq.reserveCapacity(all.count / 4)
        for x in all where uniq.last != x { uniq.append(x) }
        slots = uniq
        for (e, fv) in vectors.enumerated() {
            let s = withLex[e]
            for (k, slot) in s.enumerated() {
                ids.append(UInt32(CompactProblem.find(uniq, slot)))
                values.append(k < fv.wordCount ? fv.wordScale : k < fv.indices.count ? fv.charScale : 1)
            }
            offsets.append(ids.count)
        }
        w = [SIMD4<Float>](repeating: .zero, count: uniq.count * lanes)
        g = w
        bias = [SIMD4<Float>](repeating: .zero, count: lanes)
        biasG = bias
    }

    static func find(_ a: [UInt32], _ x: UInt32) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func startAveraging() {
        averagingOn = true
        t = 0
        u = [SIMD4<Float>](repeating: .zero, count: w.count)
        ub = [SIMD4<Float>](repeating: .zero, count: lanes)
    }

    /// One AdaGrad step on example `i`.
    mutating func step(_ i: Int, learningRate lr: Float, l2: Float = 0, shared: Bool = false) {
        let ln = lanes
        let ids = self.ids, values = self.values
        var s = priors[i] ?? [SIMD4<Float>](repeating: .zero, count: ln)
        for j in 0..<ln { s[j] += bias[j] }
        let from = offsets[i], to = offsets[i + 1]
        w.withUnsafeBufferPointer { w in
            ids.withUnsafeBufferPointer { idv in
                values.withUnsafeBufferPointer { vals in
                    s.withUnsafeMutableBufferPointer { s in
                        for k in from..<to {
                            let base = Int(idv[k]) &* ln
                            let v = SIMD4<Float>(repeating: vals[k])
                            for j in 0..<ln { s[j] += v * w[base &+ j] }
                        }
                    }
                }
            }
        }
        var m = -Float.infinity
        for c in activeColumns { m = max(m, s[c >> 2][c & 3]) }
        var grad = [SIMD4<Float>](repeating: .zero, count: ln)
        var z: Double = 0
        var e = [Double](repeating: 0, count: activeColumns.count)
        for (q, c) in activeColumns.enumerated() { e[q] = exp(Double(s[c >> 2][c & 3] - m)); z += e[q] }
        for (q, c) in activeColumns.enumerated() { grad[c >> 2][c & 3] = Float(e[q] / z) - (c == labels[i] ? 1 : 0) }
        t += 1
        let rate = SIMD4<Float>(repeating: lr), eps = SIMD4<Float>(repeating: 1e-6)
        let tw = SIMD4<Float>(repeating: t - 1), avg = averagingOn, lam = SIMD4<Float>(repeating: l2)
        w.withUnsafeMutableBufferPointer { w in
            g.withUnsafeMutableBufferPointer { a in
                u.withUnsafeMutableBufferPointer { u in
                    ids.withUnsafeBufferPointer { idv in
                        values.withUnsafeBufferPointer { vals in
                            grad.withUnsafeBufferPointer { grad in
                                if shared {
                                    var g2 = SIMD4<Float>.zero
                                    for j in 0..<ln { g2 += grad[j] * grad[j] }
                                    let gsum = g2.sum()
                                    for k in from..<to {
                                        let base = Int(idv[k]) &* ln
                                        let v = SIMD4<Float>(repeating: vals[k])
                                        // One accumulator per feature, kept in lane 0 of its first vector.
                                        let acc = a[base][0] + vals[k] * vals[k] * gsum
                                        a[base][0] = acc
                                        let r = SIMD4<Float>(repeating: lr / (acc.squareRoot() + 1e-6))
                                        for j in 0..<ln {
                                            let d = r * (v * grad[j] + lam * w[base &+ j])
                                            w[base &+ j] -= d
                                            if avg { u[base &+ j] -= tw * d }
                                        }
                                    }
                                    return
                                }
                                for k in from..<to {
                                    let base = Int(idv[k]) &* ln
                                    let v = SIMD4<Float>(repeating: vals[k])
                                    for j in 0..<ln {
                                        let gc = v * grad[j] + lam * w[base &+ j]
                                        let acc = a[base &+ j] + gc * gc
                                        a[base &+ j] = acc
                                        let d = rate * gc / (acc.squareRoot() + eps)
                                        w[base &+ j] -= d
                                        if avg { u[base &+ j] -= tw * d }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for j in 0..<ln {
            let gc = grad[j]
            biasG[j] += gc * gc
            let d = rate * gc / (biasG[j].squareRoot() + eps)
            bias[j] -= d
            if avg { ub[j] -= tw * d }
        }
    }

    /// Scatters the (averaged) weights and AdaGrad state into the full model.
    func write(into model: inout Classifier) {
        let ln = lanes
        let inv = SIMD4<Float>(repeating: t > 0 ? 1 / t : 0)
        for (id, slot) in slots.enumerated() {
            for j in 0..<ln {
                let wv = averagingOn ? w[id * ln + j] - u[id * ln + j] * inv : w[id * ln + j]
                model.table[Int(slot) * 2 * ln + j] = wv
                model.table[Int(slot) * 2 * ln + ln + j] = sharedRates ? SIMD4<Float>(repeating: g[id * ln][0]) : g[id * ln + j]
            }
        }
        for c in 0..<model.names.count {
            model.bias[c] = averagingOn ? bias[c >> 2][c & 3] - ub[c >> 2][c & 3] * inv[0] : bias[c >> 2][c & 3]
            model.biasAccum[c] = biasG[c >> 2][c & 3]
        }
    }
}
