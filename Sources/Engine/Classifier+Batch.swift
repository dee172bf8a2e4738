import Foundation

/// Scoring many cached messages without allocating (background re-ranking of a large queue).
extension Classifier {
    /// Scratch space for `probabilities(slots:...)`; one per thread.
    public struct ScoreScratch {
        var scores: [SIMD4<Float>]
        /// Probability of each active label after a call, in `labels` order.
        public internal(set) var probabilities: [Double]

        /// Scratch sized for `model`'s labels.
        public init(for model: Classifier) {
            scores = [SIMD4<Float>](repeating: .zero, count: max(model.lanes, 1))
            probabilities = [Double](repeating: 0, count: model.activeColumns.count)
        }
    }

    /// Fills `scratch.probabilities` with the probability of every active label for
    /// features given as slots (word block first, each block's value as given);
    /// the same numbers as `predict(FeatureVector)` up to the order of float additions.
    public func probabilities(slots: UnsafeBufferPointer<UInt32>, wordCount: Int, wordScale: Float, charScale: Float,
                              scratch: inout ScoreScratch) {
        guard prepare(&scratch) else { return }
        scratch.scores.withUnsafeMutableBufferPointer { o in
            scores(into: o, slots: slots, wordCount: wordCount, wordScale: wordScale, charScale: charScale)
        }
        normalize(&scratch)
    }

    /// Sizes `scratch` for this model's labels; false when there are none (nothing to score).
    @inline(__always)
    func prepare(_ scratch: inout ScoreScratch) -> Bool {
        guard !activeColumns.isEmpty else { return false }
        if scratch.scores.count != lanes || scratch.probabilities.count != activeColumns.count {
            scratch = ScoreScratch(for: self)
        }
        return true
    }

    /// Turns `scratch.scores` into `scratch.probabilities` (softmax over the active columns).
    @inline(__always)
    func normalize(_ scratch: inout ScoreScratch) {
        scratch.scores.withUnsafeBufferPointer { o in
            scratch.probabilities.withUnsafeMutableBufferPointer { p in
                var m = -Double.infinity
                for c in activeColumns { m = max(m, Double(o[c >> 2][c & 3])) }
                var z = 0.0
                for (i, c) in activeColumns.enumerated() {
                    let e = exp(Double(o[c >> 2][c & 3]) - m)
                    p[i] = e
                    z += e
                }
                for i in 0..<p.count { p[i] /= z }
            }
        }
    }
}
