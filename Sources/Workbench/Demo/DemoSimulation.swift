import Core
import Engine
import Insight

/// The reciprocal loop without a screen: an active learner and random-order
/// learners (`settings.randomRuns` orders, averaged into one baseline), trained in
/// step on the same data by the same simulated analyst, measured on a test set
/// every `settings.every` labels.
///
/// `step()` advances both learners by one label (the interactive demo calls
/// it once per decision, passing the message the workbench picked);
/// `run()` goes to `settings.labels` and returns the result.
public struct DemoSimulation: Sendable {
    /// The data.
    public let data: DemoData
    /// The settings.
    public let settings: DemoSettings
    /// The simulated analyst.
    public let analyst: SimulatedAnalyst
    /// The learner that picks by `settings.strategy`.
    public private(set) var active: ShadowLearner
    /// The random-order learners (`settings.randomRuns`, each with its own seeded order), whose
    /// curves averaged are the baseline.
    public private(set) var randomRuns: [ShadowLearner]
    /// The first random-order learner: its first picks are the shared warm start.
    public var random: ShadowLearner { randomRuns[0] }
    /// Store indices the active learner got a wrong label for.
    public private(set) var errorsMade: [Int] = []
    let features: [FeatureVector]
    let testFeatures: [FeatureVector]

    /// Prepares both learners (featurizes every message once).
    public init(data: DemoData, settings: DemoSettings) {
        self.data = data
        self.settings = settings
        analyst = SimulatedAnalyst(noise: settings.noise, seed: settings.seed, labels: data.labels)
        let featurizer = Classifier(config: settings.config)
        let features = (0..<data.store.count).map { featurizer.featurize(data.store.text($0)) }
        self.features = features
        testFeatures = data.testTexts.map { featurizer.featurize($0) }
        let density = settings.strategy == .density
            ? DensityModel(vectors: data.pool.map { features[$0] }, hashBits: settings.config.hashBits) : nil
        active = ShadowLearner(strategy: settings.strategy, pool: data.pool, labels: data.labels, config: settings.config,
                               seed: settings.seed, density: density)
        randomRuns = (0..<settings.randomRuns).map { k in
            ShadowLearner(strategy: .random, pool: data.pool, labels: data.labels, config: settings.config,
                          seed: settings.seed &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
        }
    }

    /// The baseline: the random-order learners' curves, averaged point by point.
    public var randomCurve: LearningCurve {
        let runs = randomRuns.map(\.curve)
        let n = runs.map(\.points.count).min() ?? 0
        return LearningCurve(points: (0..<n).map { k in
            let ps = runs.map { $0.points[k] }
            let mean = { (f: (CurvePoint) -> Double) in (ps.map(f).reduce(0, +) / Double(ps.count) * 10_000).rounded() / 10_000 }
            return CurvePoint(labels: ps[0].labels, macroF1: mean(\.macroF1), accuracy: mean(\.accuracy))
        })
    }

    /// Labels each learner will get: `settings.labels`, capped by the pool.
    public var target: Int { min(settings.labels, data.pool.count) }

    /// True when both learners have their labels.
    public var finished: Bool { active.count >= target || (active.unlabeled.isEmpty && random.unlabeled.isEmpty) }

    /// Advances both learners by one label. `activePick` overrides the active learner's choice
    /// (the message the workbench showed); `answer` overrides the analyst's label for it.
    @discardableResult
    public mutating func step(activePick: Int? = nil, answer: SimulatedAnalyst.Answer? = nil) -> DemoStep? {
        var out: DemoStep?
        // Warm start: the first labels are the random learner's, so both start from the same examples.
        let warm = active.count < settings.warmStart ? random.pick(features: features)?.index : nil
        if let (i, p) = active.pick(features: features) {
            let index = activePick.flatMap { active.unlabeled.contains($0) ? $0 : nil } ?? warm ?? i
            let prediction = index == i ? p : (active.model.examplesLearned > 0 ? active.model.predict(features[index]) : .empty)
            let a = answer ?? analyst.label(index: index, gold: data.store.gold(index) ?? "")
            if a.wrong { errorsMade.append(index) }
            active.learn(index, label: a.label, features: features)
            out = DemoStep(index: index, prediction: prediction,
                           uncertainty: QueueRanker.uncertainty(prediction, strategy: settings.strategy), answer: a)
        }
        for k in randomRuns.indices {
            if let (j, _) = randomRuns[k].pick(features: features) {
                randomRuns[k].learn(j, label: analyst.label(index: j, gold: data.store.gold(j) ?? "").label, features: features)
            }
        }
        if active.count % settings.every == 0 || active.count == target { measure() }
        return out
    }

    /// Measures both learners on the test set now.
    public mutating func measure() {
        active.measure(test: testFeatures, gold: data.testGold)
        for k in randomRuns.indices { randomRuns[k].measure(test: testFeatures, gold: data.testGold) }
    }

    /// Runs to `target` labels, then checks the active learner's labels for errors.
    public mutating func run() -> DemoResult {
        while !finished {
            guard step() != nil else { break }
        }
        if active.curve.last?.labels != active.count { measure() }
        return result()
    }

    /// The result so far (runs the review check on the active learner's labels).
    public func result() -> DemoResult {
        let flagged = reviewFlags()
        let made = Set(errorsMade)
        return DemoResult(active: active.curve, random: randomCurve, randomRuns: settings.randomRuns, strategy: settings.strategy.rawValue,
                          seed: settings.seed, noise: settings.noise, labels: active.count,
                          poolSize: data.pool.count, testSize: data.testGold.count, testSource: data.testSource,
                          errorsMade: made.count, errorsCaught: flagged.filter { made.contains($0) }.count,
                          reviewFlagged: flagged.count)
    }

    /// Store indices the review check flags among the active learner's labels: a model
    /// trained without the example strongly prefers another label (Insight's cross-fitted finder).
    public func reviewFlags() -> [Int] {
        var labels: [Int: String] = [:]
        for (i, l) in active.learned { labels[i] = l }
        let finder = InconsistencyFinder(threshold: settings.reviewThreshold, seed: settings.seed)
        return finder.find(store: data.store, labels: labels, base: active.model).map(\.messageIndex)
    }
}

/// What one step of the active learner did, for narration.
public struct DemoStep: Sendable {
    /// The message labeled (store index).
    public var index: Int
    /// The model's view before learning it.
    public var prediction: Prediction
    /// The uncertainty that chose it under the active strategy.
    public var uncertainty: Double
    /// The analyst's answer.
    public var answer: SimulatedAnalyst.Answer
}
