import Core
import Engine

/// The active-learning simulation of `dyad eval --simulate`.
///
/// Starts from 20 seeded random labels, then repeatedly asks the queue
/// ranker for a batch of 10 unlabeled training messages, reveals their gold
/// labels and learns them (consolidating after each batch with
/// `--consolidate`); uncertainty is weighted towards rarely labeled classes
/// (`QueueRanker.rareBoost`, given the counts of the labels so far). Test
/// macro-F1 is recorded at 50, 100, 200, 500, 1000 labels (those up to `--labels`).
struct EvalSimulation {
    var config: EngineConfig
    var strategy: QueueStrategy
    var labels: Int
    var seed: UInt64
    var consolidator: Consolidator?
    /// Exponent of the ranker's rarity factor (0: plain uncertainty).
    var rareBoost = 0.5

    static let seedLabels = 20
    static let batch = 10

    func run(train: [EvalData.Example], test: [EvalData.Example]) -> [String: Any] {
        var clf = Classifier(config: config)
        let pool = train.map { clf.featurize($0.text) }
        let testVectors = test.map { clf.featurize($0.text) }
        let target = min(labels, train.count)
        let checkpoints = ([50, 100, 200, 500, 1000].filter { $0 < target } + [target])
        var isLabeled = [Bool](repeating: false, count: train.count)
        var labeled: [LabeledExample] = []
        var curve: [[String: Any]] = []
        let ranker = QueueRanker(strategy: strategy, seed: seed, rareBoost: rareBoost)
        var counts: [String: Int] = [:]
        let density = strategy == .density ? DensityModel(vectors: pool, hashBits: config.hashBits) : nil
        // Seed labels: a seeded random draw.
        let seeder = QueueRanker(strategy: .random, seed: seed ^ 0xA5A5)
        let first = seeder.rank(Array(0..<train.count), count: min(Self.seedLabels, target), prediction: { _ in .empty })
        var next = 0
        func reveal(_ i: Int) {
            isLabeled[i] = true
            counts[train[i].label, default: 0] += 1
            clf.learn(pool[i], label: train[i].label)
            labeled.append(LabeledExample(text: train[i].text, label: train[i].label, features: pool[i]))
        }
        for i in first { reveal(i) }
        if let consolidator { clf = consolidator.consolidate(clf, examples: labeled) }
        while labeled.count < target {
            while next < checkpoints.count, checkpoints[next] <= labeled.count {
                curve.append(point(clf, checkpoints[next], testVectors, test)); next += 1
            }
            let want = min(Self.batch, (next < checkpoints.count ? checkpoints[next] : target) - labeled.count)
            let candidates = (0..<train.count).filter { !isLabeled[$0] }
            if candidates.isEmpty { break }
            let chosen = ranker.rank(candidates, count: want, prediction: { clf.predict(pool[$0]) },
                                     features: { pool[$0] }, density: density, labelCounts: counts)
            for i in chosen { reveal(i) }
            if let consolidator { clf = consolidator.consolidate(clf, examples: labeled) }
        }
        while next < checkpoints.count, checkpoints[next] <= labeled.count {
            curve.append(point(clf, checkpoints[next], testVectors, test)); next += 1
        }
        return [
            "curve": curve,
            "strategy": strategy.rawValue,
            "seed": Int(truncatingIfNeeded: seed),
            "mode": consolidator == nil ? "online" : "consolidate",
            "seed_labels": Self.seedLabels,
            "batch": Self.batch,
            "rare_boost": rareBoost,
            "macro_f1": curve.last?["macro_f1"] ?? 0,
        ]
    }

    func point(_ clf: Classifier, _ n: Int, _ vectors: [FeatureVector], _ test: [EvalData.Example]) -> [String: Any] {
        let m = Metrics(gold: test.map(\.label), predicted: vectors.map { clf.predict($0).top ?? "" })
        return ["labels": n, "macro_f1": EvalData.round(m.macroF1), "accuracy": EvalData.round(m.accuracy)]
    }
}
