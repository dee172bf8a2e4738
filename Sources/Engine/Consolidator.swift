import Foundation

/// Re-trains a classifier over every labeled example so far (background consolidation).
///
/// The rule that keeps replay deterministic: the consolidated model is a pure
/// function of (the classifier's labels, lexicon, suppressions and config),
/// (the ordered list of labeled examples) and (`epochs`, `seed`,
/// `learningRate`, `averaging`). It starts from zero weights and runs
/// `epochs` passes of AdaGrad, each over a seeded permutation of the examples
/// (pass `e`'s permutation depends only on `seed`, `e` and the number of
/// examples); with `averaging`, the weights returned are the average of the
/// iterates of the second half of the passes. No clock, thread timing or
/// dictionary order enters the result. The live model is the last
/// consolidation plus the online updates of the decisions made after it
/// (`merge(_:replaying:)`) — see `docs/engine.md`.
///
/// Training runs in a compact space (only the feature slots the examples use),
/// so a pass over 10,000 messages touches a few MB instead of the full table.
public struct Consolidator: Sendable {
    /// Passes over the labeled examples.
    public var epochs: Int
    /// Seed of the per-pass permutations.
    public var seed: UInt64
    /// AdaGrad rate of the passes (nil: the classifier's own).
    public var learningRate: Double?
    /// Whether to return the average of the later iterates (better generalisation).
    public var averaging: Bool

    /// L2 penalty on the weights a step touches (0: none).
    public var l2: Double
    /// One AdaGrad accumulator per feature instead of per (feature, label): ~3x faster passes.
    public var sharedRates: Bool

    /// Fewest learning steps a consolidation takes: with few labels it runs more
    /// passes (`max(epochs, ceil(minSteps / n))`, at most `maxEpochs`), so a small
    /// labeled set is fitted as well as a large one (0: always `epochs`).
    public var minSteps: Int
    /// Most passes when `minSteps` asks for more than `epochs`.
    public var maxEpochs: Int
    /// Class balancing: each example's gradient is scaled by `(mean count / count of its label)^classBalance`
    /// (0: none, 1: full inverse frequency).
    public var classBalance: Double
    /// Called every `pauseInterval` steps: a caller may block in it to let more urgent work run
    /// (the workbench waits there while a re-ranking of the queue is in progress). The result
    /// does not depend on it.
    public var pause: (@Sendable () -> Void)?
    /// Steps between two calls of `pause`.
    public static let pauseInterval = 4096

    /// Creates a consolidator.
    public init(epochs: Int = 6, seed: UInt64 = 0x5EED_D1AD, learningRate: Double? = 0.5, averaging: Bool = true,
                l2: Double = 1e-4, sharedRates: Bool = true, minSteps: Int = 20_000, maxEpochs: Int = 60,
                classBalance: Double = 0.5) {
        self.minSteps = max(0, minSteps)
        self.maxEpochs = max(1, maxEpochs)
        self.classBalance = classBalance
        self.l2 = l2
        self.sharedRates = sharedRates
        self.epochs = max(1, epochs)
        self.seed = seed
        self.learningRate = learningRate
        self.averaging = averaging
    }

    /// A model trained from scratch on `examples`, with `base`'s labels, lexicon and suppressions.
    public func consolidate(_ base: Classifier, examples: [LabeledExample]) -> Classifier {
        var model = base.withZeroWeights()
        for e in examples where model.column(e.label) == nil { model.addLabel(e.label) }
        let gen = model.featureGeneration
        // Featurized one at a time into the problem: a vector per example (~2 KB each) is never held for all.
        var problem = CompactProblem(model: model, labels: examples.map { model.column($0.label) ?? 0 }) { i in
            examples[i].features.flatMap { $0.generation == gen ? $0 : nil } ?? model.featurize(examples[i].text)
        }
        let lr = Float(learningRate ?? base.config.learningRate)
        let n = examples.count
        var order = Array(0..<n)
        let passes = passes(for: n)
        let weights = classWeights(problem.labels)
        let averageFrom = averaging ? passes / 2 : passes
        for epoch in 0..<passes {
            permute(&order, pass: epoch)
            if epoch == averageFrom { problem.startAveraging() }
            for (k, i) in order.enumerated() {
                if let pause, k % Self.pauseInterval == 0 { pause() }
                problem.step(i, learningRate: lr, l2: Float(l2), shared: sharedRates, weight: weights?[problem.labels[i]] ?? 1)
            }
        }
        problem.write(into: &model)
        model.examplesLearned = n
        return model
    }

    /// Passes a consolidation of `n` examples runs.
    public func passes(for n: Int) -> Int {
        guard minSteps > 0, n > 0 else { return epochs }
        return max(epochs, min(maxEpochs, (minSteps + n - 1) / n))
    }

    /// Gradient scale per label column, or nil without class balancing.
    func classWeights(_ labels: [Int]) -> [Float]? {
        guard classBalance > 0, let top = labels.max() else { return nil }
        var counts = [Int](repeating: 0, count: top + 1)
        for c in labels { counts[c] += 1 }
        let present = counts.filter { $0 > 0 }
        let mean = Double(labels.count) / Double(present.count)
        return counts.map { $0 > 0 ? Float(pow(mean / Double($0), classBalance)) : 1 }
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

extension Consolidator {
    /// A consolidated model with the decisions made after its cut-off learned online, in order.
    public func merge(_ consolidated: Classifier, replaying later: [LabeledExample]) -> Classifier {
        var m = consolidated
        for e in later {
            if let f = e.features, f.generation == m.featureGeneration { m.learn(f, label: e.label) }
            else { m.learn(e.text, label: e.label) }
        }
        return m
    }
}
