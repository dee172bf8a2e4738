/// Re-trains a classifier over every labeled example so far (background consolidation).
///
/// The rule that keeps replay deterministic: the consolidated model is a pure
/// function of (the classifier's labels, lexicon, suppressions and config) and
/// (the ordered list of labeled examples) and (`epochs`, `seed`). It starts
/// from zero weights and runs `epochs` passes of AdaGrad, each over a seeded
/// permutation of the examples (the permutation of pass `e` depends only on
/// `seed`, `e` and the number of examples). No clock, no thread timing, no
/// dictionary order enters the result. The live model is then the last
/// consolidation plus the online updates of the decisions made after it
/// (`Classifier.learn` for each, in order) — see `docs/engine.md`.
public struct Consolidator: Sendable {
    /// Passes over the labeled examples.
    public var epochs: Int
    /// Seed of the per-pass permutations.
    public var seed: UInt64

    /// Creates a consolidator.
    public init(epochs: Int = 5, seed: UInt64 = 0x5EED_D1AD) {
        self.epochs = max(1, epochs)
        self.seed = seed
    }

    /// A model trained from scratch on `examples`, with `base`'s labels, lexicon and suppressions.
    public func consolidate(_ base: Classifier, examples: [LabeledExample]) -> Classifier {
        var model = base.withZeroWeights()
        for e in examples where model.column(e.label) == nil { model.addLabel(e.label) }
        let gen = model.featureGeneration
        let vectors = examples.map { e in
            e.features.flatMap { $0.generation == gen ? $0 : nil } ?? model.featurize(e.text)
        }
        let columns = examples.map { model.column($0.label) ?? 0 }
        let n = examples.count
        var order = Array(0..<n)
        let lr = Float(base.config.learningRate)
        for epoch in 0..<epochs {
            permute(&order, pass: epoch)
            for i in order { model.step(vectors[i], column: columns[i], learningRate: lr) }
        }
        model.examplesLearned = n
        return model
    }

    /// Shuffles `order` for pass `pass` (Fisher–Yates with SplitMix64); deterministic.
    func permute(_ order: inout [Int], pass: Int) {
        let n = order.count
        guard n > 1 else { return }
        for i in 0..<n { order[i] = i }
        var state = FeatureHash.mix(seed ^ UInt64(pass) &* 0x9E37_79B9 ^ UInt64(n))
        for i in stride(from: n - 1, to: 0, by: -1) {
            state = FeatureHash.splitmix(state)
            let j = Int(state % UInt64(i + 1))
            order.swapAt(i, j)
        }
    }
}
