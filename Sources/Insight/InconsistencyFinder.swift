import Core
import Engine

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
    /// Labeled messages shown as evidence for each suspect.
    public var neighbourCount = 3
    /// Suspects (most confident first) that get neighbours; the rest get none.
    public var neighbourLimit = 50
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
                    // The held-out model's own reasons: the words that pull towards its label and towards the given one.
                    let why = model.explain(examples[e].text, target: top, rival: examples[e].label)
                    let reasons = (why?.supporting(6) ?? []) + (why?.opposing(4) ?? [])
                    items.append(ReviewItem(messageIndex: indices[e], givenLabel: examples[e].label,
                                            suggestedLabel: top, confidence: p.confidence, reasons: reasons))
                }
            }
        }
        items.sort { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.messageIndex < $1.messageIndex }
        // The evidence: the labeled messages most like each suspect (the first `neighbourLimit` items).
        let position = Dictionary(uniqueKeysWithValues: indices.enumerated().map { ($1, $0) })
        for k in items.indices.prefix(neighbourLimit) {
            checkpoint?()
            guard let e = position[items[k].messageIndex] else { continue }
            items[k].neighbours = neighbours(of: e, in: examples).map {
                ReviewNeighbour(messageIndex: indices[$0.example], label: examples[$0.example].label, similarity: $0.similarity)
            }
        }
        return items
    }

    /// The `neighbourCount` examples whose words (unigrams and bigrams) are most like example `e`'s,
    /// by cosine of the binary word blocks; ties by position. Example `e` itself is left out.
    func neighbours(of e: Int, in examples: [LabeledExample]) -> [(example: Int, similarity: Double)] {
        guard let fv = examples[e].features, fv.wordCount > 0 else { return [] }
        var set = SlotSet(capacity: fv.wordCount)
        for i in 0..<fv.wordCount { _ = set.insert(fv.indices[i]) }
        var best: [(example: Int, similarity: Double)] = []
        for (j, other) in examples.enumerated() where j != e {
            guard let ov = other.features, ov.wordCount > 0 else { continue }
            var common = 0
            for i in 0..<ov.wordCount where set.contains(ov.indices[i]) { common += 1 }
            guard common > 0 else { continue }
            let sim = Double(common) / (Double(fv.wordCount) * Double(ov.wordCount)).squareRoot()
            if best.count < neighbourCount || sim > best[best.count - 1].similarity {
                best.append((j, sim))
                best.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.example < $1.example }
                if best.count > neighbourCount { best.removeLast() }
            }
        }
        return best
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
