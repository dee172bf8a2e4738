import Foundation

/// The labeled set re-indexed to the feature slots it uses, for fast consolidation passes.
///
/// Same model and update as `Classifier.step` (softmax, AdaGrad, fixed lexicon
/// priors, learned lexicon features), over compact ids instead of hashed slots.
/// Compact ids are given in order of first appearance, so the features most
/// examples share sit together at the front; a feature's weights and its
/// averaging sums share one block of `2 * lanes` vectors.
struct CompactProblem {
    let lanes: Int
    let activeColumns: [Int]
    /// Hashed slot of each compact id.
    var slots: [UInt32] = []
    /// All examples' compact ids, example `e` at `offsets[e]..<offsets[e + 1]`: its word block,
    /// its character block, then its learned-lexicon features.
    var ids: [UInt32] = []
    /// Per example: where its character block and its lexicon features start (absolute
    /// positions in `ids`), and the two blocks' values (lexicon features have value 1).
    var blocks: [(charStart: Int, lexStart: Int, scales: SIMD2<Float>)] = []
    var offsets: [Int] = [0]
    /// Per example: label column and fixed prior scores.
    var labels: [Int]
    var priors: [[SIMD4<Float>]?] = []
    /// Per compact id, `2 * lanes` vectors: the weights, then the averaging sums (`(t-1)·update`).
    var wu: [SIMD4<Float>] = []
    /// AdaGrad sums: one per feature (shared rates), or `lanes` vectors per feature.
    var shared: [Float] = []
    var perLabel: [SIMD4<Float>] = []
    var bias: [SIMD4<Float>]
    var biasG: [SIMD4<Float>]
    var ub: [SIMD4<Float>]
    /// Step count since averaging started.
    var t: Float = 0
    var averagingOn = false

    /// The problem of `labels.count` examples; `vector(e)` gives example `e`'s features
    /// (asked once each, in order, so no array of every example's vector is ever held).
    init(model: Classifier, labels: [Int], vector: (Int) -> FeatureVector) {
        lanes = model.lanes
        activeColumns = model.activeColumns
        self.labels = labels
        bias = [SIMD4<Float>](repeating: .zero, count: model.lanes)
        biasG = bias
        ub = bias
        var idOf = [Int32](repeating: -1, count: model.slotCount)
        blocks.reserveCapacity(labels.count)
        offsets.reserveCapacity(labels.count + 1)
        priors.reserveCapacity(labels.count)
        @inline(__always) func add(_ slot: UInt32) {
            var id = idOf[Int(slot)]
            if id < 0 {
                id = Int32(slots.count)
                idOf[Int(slot)] = id
                slots.append(slot)
            }
            ids.append(UInt32(id))
        }
        for e in labels.indices {
            let fv = vector(e)
            if e == 0 { ids.reserveCapacity(labels.count * min(fv.indices.count + 8, 600)) }
            let start = ids.count
            for k in 0..<fv.indices.count { add(fv.indices[k]) }
            blocks.append((start + fv.wordCount, start + fv.indices.count, SIMD2(fv.wordScale, fv.charScale)))
            if !model.lexicon.isEmpty {
                var prior = [SIMD4<Float>](repeating: .zero, count: model.lanes)
                var any = false
                for k in 0..<fv.wordCount {
                    guard let e = model.lexicon[fv.indices[k]] else { continue }
                    add(model.featurizer.lexiconSlot(fv.indices[k]))
                    for p in e.priors { prior[p.column >> 2][p.column & 3] += p.value; any = true }
                }
                priors.append(any ? prior : nil)
            } else {
                priors.append(nil)
            }
            offsets.append(ids.count)
        }
        wu = [SIMD4<Float>](repeating: .zero, count: slots.count * 2 * lanes)
    }

    mutating func startAveraging() {
        averagingOn = true
        t = 0
        wu.withUnsafeMutableBufferPointer { wu in
            let ln = lanes
            for id in 0..<slots.count { for j in 0..<ln { wu[id &* 2 &* ln &+ ln &+ j] = .zero } }
        }
        ub = [SIMD4<Float>](repeating: .zero, count: lanes)
    }

    /// One AdaGrad step on example `i`.
    /// `weight` scales the example's gradient (class balancing).
    mutating func step(_ i: Int, learningRate lr: Float, l2: Float = 0, shared useShared: Bool = false, weight: Float = 1) {
        let ln = lanes
        if useShared, shared.isEmpty { shared = [Float](repeating: 0, count: slots.count) }
        if !useShared, perLabel.isEmpty { perLabel = [SIMD4<Float>](repeating: .zero, count: slots.count * ln) }
        let from = offsets[i], to = offsets[i + 1]
        let label = labels[i]
        t += 1
        let rate = SIMD4<Float>(repeating: lr), eps = SIMD4<Float>(repeating: 1e-6)
        let tw = SIMD4<Float>(repeating: t - 1), avg = averagingOn, lam = SIMD4<Float>(repeating: l2)
        let prior = priors[i]
        let active = activeColumns
        withUnsafeTemporaryAllocation(of: SIMD4<Float>.self, capacity: 2 * ln) { tmp in
            let s = UnsafeMutableBufferPointer(rebasing: tmp[0..<ln])
            let grad = UnsafeMutableBufferPointer(rebasing: tmp[ln..<(2 * ln)])
            for j in 0..<ln { s[j] = bias[j] + (prior?[j] ?? .zero) }
            let block = blocks[i]
            let cStart = block.charStart, lStart = block.lexStart, ws = block.scales.x, cs = block.scales.y
            @inline(__always) func value(_ k: Int) -> Float { k < cStart ? ws : k < lStart ? cs : 1 }
            ids.withUnsafeBufferPointer { idv in
                do {
                    wu.withUnsafeMutableBufferPointer { wu in
                        DotKernel.accumulate(into: s, rows: UnsafeBufferPointer(wu), rowStride: 2 &* ln, count: to - from,
                                             id: { idv[from &+ $0] }, value: { value(from &+ $0) })
                        var m = -Float.infinity
                        for c in active { m = max(m, s[c >> 2][c & 3]) }
                        var z: Double = 0
                        for j in 0..<ln { grad[j] = .zero }
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * ln) { e in
                            for c in active {
                                e[c] = exp(Double(s[c >> 2][c & 3] - m))
                                z += e[c]
                            }
                            for c in active { grad[c >> 2][c & 3] = weight * (Float(e[c] / z) - (c == label ? 1 : 0)) }
                        }
                        if useShared {
                            var g2 = SIMD4<Float>.zero
                            for j in 0..<ln { g2 += grad[j] * grad[j] }
                            let gsum = g2.sum()
                            shared.withUnsafeMutableBufferPointer { a in
                                for k in from..<to {
                                    let id = Int(idv[k])
                                    let base = id &* 2 &* ln
                                    let vk = value(k)
                                    let v = SIMD4<Float>(repeating: vk)
                                    let acc = a[id] + vk * vk * gsum
                                    a[id] = acc
                                    let r = SIMD4<Float>(repeating: lr / (acc.squareRoot() + 1e-6))
                                    for j in 0..<ln {
                                        let d = r * (v * grad[j] + lam * wu[base &+ j])
                                        wu[base &+ j] -= d
                                        if avg { wu[base &+ ln &+ j] -= tw * d }
                                    }
                                }
                            }
                        } else {
                            perLabel.withUnsafeMutableBufferPointer { a in
                                for k in from..<to {
                                    let id = Int(idv[k])
                                    let base = id &* 2 &* ln
                                    let v = SIMD4<Float>(repeating: value(k))
                                    for j in 0..<ln {
                                        let gc = v * grad[j] + lam * wu[base &+ j]
                                        let acc = a[id &* ln &+ j] + gc * gc
                                        a[id &* ln &+ j] = acc
                                        let d = rate * gc / (acc.squareRoot() + eps)
                                        wu[base &+ j] -= d
                                        if avg { wu[base &+ ln &+ j] -= tw * d }
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
    }

    /// Scatters the (averaged) weights and AdaGrad state into the full model.
    func write(into model: inout Classifier) {
        let ln = lanes
        let inv = SIMD4<Float>(repeating: t > 0 ? 1 / t : 0)
        model.tableWritten = true
        model.table.withUnsafeMutableBufferPointer { table in
            for (id, slot) in slots.enumerated() {
                let base = id * 2 * ln, out = Int(slot) * ln
                var perWeight = SIMD4<Float>.zero
                for j in 0..<ln {
                    table[out + j] = averagingOn ? wu[base + j] - wu[base + ln + j] * inv : wu[base + j]
                    if !perLabel.isEmpty { perWeight += perLabel[id * ln + j] }
                }
                // The live model's per-feature sum: the one the steps used, or the sum of the per-weight ones.
                table[out + ln - 1][3] = !shared.isEmpty ? shared[id] : perWeight.sum()
            }
        }
        for c in 0..<model.names.count {
            model.bias[c] = averagingOn ? bias[c >> 2][c & 3] - ub[c >> 2][c & 3] * inv[0] : bias[c >> 2][c & 3]
            model.biasAccum[c] = biasG[c >> 2][c & 3]
        }
    }
}
