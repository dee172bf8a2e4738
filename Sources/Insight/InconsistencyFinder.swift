import Core
import Engine

/// A labeled message the model, trained without it, confidently assigns to another label.
public struct ReviewItem: Sendable, Equatable {
    /// Index of the message in the store.
    public var messageIndex: Int
    /// The analyst's label.
    public var givenLabel: String
    /// The label the held-out model prefers.
    public var suggestedLabel: String
    /// The held-out model's probability of `suggestedLabel`.
    public var confidence: Double
}

/// Finds suspected labeling inconsistencies by cross-fitting.
///
/// Labeled messages (in index order) are dealt into `folds` folds by a seeded
/// shuffle. For each fold a model is consolidated (the Engine's `Consolidator`,
/// `epochs` passes) from the base classifier's lexicon and the other folds, and
/// predicts the held-out fold; a message is reported when the top label differs
/// from the given one with probability at least `threshold`. Each message is
/// featurized once. Deterministic: depends only on the inputs and `seed`.
///
/// At most `limit` labeled messages are cross-fitted (a seeded sample when there
/// are more), so memory and time stay bounded with a hundred thousand decisions:
/// each fold's model and features for every labeled message would otherwise cost
/// hundreds of megabytes on the background thread.
public struct InconsistencyFinder: Sendable {
    /// Number of folds (models trained).
    public var folds: Int
    /// Lowest probability of the other label for a message to be reported.
    public var threshold: Double
    /// Consolidation passes per model.
    public var epochs: Int
    /// Seed of the fold assignment and of consolidation.
    public var seed: UInt64
    /// Most labeled messages looked at.
    public var limit: Int
    /// Called every few thousand training steps (`Consolidator.pause`): a caller may block
    /// in it to let more urgent work run.
    public var checkpoint: (@Sendable () -> Void)?

    /// Creates a finder.
    public init(folds: Int = 5, threshold: Double = 0.6, epochs: Int = 3, seed: UInt64 = 0x1DEA, limit: Int = 20_000) {
        self.folds = folds
        self.threshold = threshold
        self.epochs = epochs
        self.seed = seed
        self.limit = max(2, limit)
    }

    /// Suspected inconsistencies among `labels` (message index → label), most confident first.
    ///
    /// `base` supplies configuration, labels, lexicon and suppressions; its weights are ignored.
    public func find(store: MessageStore, labels: [Int: String], base: Classifier) -> [ReviewItem] {
        let indices = reviewed(labels)
        let k = min(folds, indices.count)
        guard k >= 2, Set(labels.values).count >= 2 else { return [] }
        var examples: [LabeledExample] = []
        examples.reserveCapacity(indices.count)
        for i in indices {
            let text = store.text(i)
            examples.append(LabeledExample(text: text, label: labels[i] ?? "", features: base.featurize(text)))
        }
        var rng = SeededGenerator(seed: seed)
        var order = Array(examples.indices)
        order.shuffle(using: &rng)
        var fold = [Int](repeating: 0, count: examples.count)
        for (position, e) in order.enumerated() { fold[e] = position % k }
        // Exactly `epochs` passes, unweighted: cross-validation wants a moderately fitted model
        // (the few-labels settings of the workbench's consolidator flag consistent labels too).
        var consolidator = Consolidator(epochs: epochs, seed: seed, minSteps: 0, classBalance: 0)
        consolidator.pause = checkpoint
        var items: [ReviewItem] = []
        for f in 0..<k {
            let train = examples.indices.filter { fold[$0] != f }.map { examples[$0] }
            let model = consolidator.consolidate(base, examples: train)
            for e in examples.indices where fold[e] == f {
                guard let fv = examples[e].features else { continue }
                let p = model.predict(fv)
                if let top = p.top, top != examples[e].label, p.confidence >= threshold {
                    items.append(ReviewItem(messageIndex: indices[e], givenLabel: examples[e].label,
                                            suggestedLabel: top, confidence: p.confidence))
                }
            }
        }
        items.sort { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.messageIndex < $1.messageIndex }
        return items
    }

    /// The labeled messages cross-fitted, in index order: all of them, or a seeded sample of `limit`.
    func reviewed(_ labels: [Int: String]) -> [Int] {
        var indices = labels.keys.sorted()
        guard indices.count > limit else { return indices }
        var rng = SeededGenerator(seed: seed ^ 0x5A3D)
        indices.shuffle(using: &rng)
        return indices.prefix(limit).sorted()
    }
}
