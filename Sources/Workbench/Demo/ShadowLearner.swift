import Core
import Engine

/// One learner of the demo: a classifier that picks its next message from a
/// pool by a queue strategy and learns the analyst's label for it.
///
/// Two of these, trained in step on the same data (one by the active
/// strategy, one in seeded random order), make the two learning curves.
public struct ShadowLearner: Sendable {
    /// The strategy choosing the next message.
    public let strategy: QueueStrategy
    /// The model.
    public private(set) var model: Classifier
    /// Store indices still unlabeled, in pool order.
    public private(set) var unlabeled: [Int]
    /// Store index → label learned, in learning order.
    public private(set) var learned: [(index: Int, label: String)] = []
    /// Its learning curve.
    public var curve = LearningCurve()
    let ranker: QueueRanker
    /// The pool's density model (density strategy only).
    let density: DensityModel?

    /// Creates a learner over `pool` (store indices) knowing `labels` from the start.
    public init(strategy: QueueStrategy, pool: [Int], labels: [String], config: EngineConfig, seed: UInt64,
                density: DensityModel? = nil) {
        self.density = strategy == .density ? density : nil
        self.strategy = strategy
        var model = Classifier(config: config)
        for l in labels { model.addLabel(l) }
        self.model = model
        self.unlabeled = pool
        self.ranker = QueueRanker(strategy: strategy, seed: seed)
    }

    /// Number of labels learned.
    public var count: Int { learned.count }

    /// The next message this learner would ask about, with its current prediction, or nil when the pool is empty.
    public func pick(features: [FeatureVector]) -> (index: Int, prediction: Prediction)? {
        let trained = model.examplesLearned > 0
        let chosen = ranker.rank(unlabeled, count: 1, prediction: { trained ? model.predict(features[$0]) : .empty },
                                 features: density == nil ? nil : { features[$0] }, density: density).first
        guard let i = chosen else { return nil }
        return (i, trained ? model.predict(features[i]) : .empty)
    }

    /// Learns `label` for message `index` and removes it from the pool.
    public mutating func learn(_ index: Int, label: String, features: [FeatureVector]) {
        model.learn(features[index], label: label)
        learned.append((index, label))
        if let k = unlabeled.firstIndex(of: index) { unlabeled.remove(at: k) }
    }

    /// Scores the model on a test set and appends the point to the curve.
    @discardableResult
    public mutating func measure(test: [FeatureVector], gold: [String]) -> CurvePoint {
        let point = Self.score(model, test: test, gold: gold, labels: count)
        if curve.points.last?.labels == point.labels { curve.points.removeLast() }
        curve.points.append(point)
        return point
    }

    /// Macro-F1 and accuracy of `model` on a test set.
    static func score(_ model: Classifier, test: [FeatureVector], gold: [String], labels: Int) -> CurvePoint {
        let predicted = test.map { model.predict($0).top ?? "" }
        let m = Metrics(gold: gold, predicted: predicted)
        return CurvePoint(labels: labels, macroF1: (m.macroF1 * 10_000).rounded() / 10_000,
                          accuracy: (m.accuracy * 10_000).rounded() / 10_000)
    }
}
