import Foundation

/// The outcome of a headless demo: both learning curves and the errors caught.
public struct DemoResult: Sendable, Equatable, Codable {
    /// The active learner's curve.
    public var active: LearningCurve
    /// The random-order baseline: the mean curve of `randomRuns` seeded random orders.
    public var random: LearningCurve
    /// Random orders averaged into `random`.
    public var randomRuns: Int
    /// The active strategy's name.
    public var strategy: String
    /// Seed of the run.
    public var seed: UInt64
    /// The analyst's error rate.
    public var noise: Double
    /// Labels each learner got.
    public var labels: Int
    /// Messages the learners could label.
    public var poolSize: Int
    /// Messages in the test set.
    public var testSize: Int
    /// Where the test set came from.
    public var testSource: String
    /// Wrong labels the simulated analyst gave the active learner.
    public var errorsMade: Int
    /// Of those, how many the review check flagged.
    public var errorsCaught: Int
    /// Labeled messages the review check flagged in all (caught errors and false alarms).
    public var reviewFlagged: Int

    /// The result as one JSON object (`curves`, `errors_made`, `errors_caught`, …), keys sorted.
    public func json() -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        guard let data = try? enc.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    enum CodingKeys: String, CodingKey {
        case curves, area, strategy, seed, noise, labels, randomRuns = "random_runs"
        case poolSize = "pool_size", testSize = "test_size", testSource = "test_source"
        case errorsMade = "errors_made", errorsCaught = "errors_caught", reviewFlagged = "review_flagged"
    }

    struct Pair<T: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        var active: T
        var random: T
    }

    /// Creates a result.
    public init(active: LearningCurve, random: LearningCurve, randomRuns: Int = 1, strategy: String, seed: UInt64, noise: Double,
                labels: Int, poolSize: Int, testSize: Int, testSource: String, errorsMade: Int, errorsCaught: Int, reviewFlagged: Int) {
        self.active = active
        self.random = random
        self.randomRuns = randomRuns
        self.strategy = strategy
        self.seed = seed
        self.noise = noise
        self.labels = labels
        self.poolSize = poolSize
        self.testSize = testSize
        self.testSource = testSource
        self.errorsMade = errorsMade
        self.errorsCaught = errorsCaught
        self.reviewFlagged = reviewFlagged
    }

    /// Encodes the JSON shape of `--json`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Pair(active: active, random: random), forKey: .curves)
        try c.encode(Pair(active: (active.area * 10_000).rounded() / 10_000, random: (random.area * 10_000).rounded() / 10_000), forKey: .area)
        try c.encode(randomRuns, forKey: .randomRuns)
        try c.encode(strategy, forKey: .strategy)
        try c.encode(seed, forKey: .seed)
        try c.encode(noise, forKey: .noise)
        try c.encode(labels, forKey: .labels)
        try c.encode(poolSize, forKey: .poolSize)
        try c.encode(testSize, forKey: .testSize)
        try c.encode(testSource, forKey: .testSource)
        try c.encode(errorsMade, forKey: .errorsMade)
        try c.encode(errorsCaught, forKey: .errorsCaught)
        try c.encode(reviewFlagged, forKey: .reviewFlagged)
    }

    /// Decodes the JSON shape of `--json`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let curves = try c.decode(Pair<LearningCurve>.self, forKey: .curves)
        self.init(active: curves.active, random: curves.random,
                  randomRuns: try c.decodeIfPresent(Int.self, forKey: .randomRuns) ?? 1, strategy: try c.decode(String.self, forKey: .strategy),
                  seed: try c.decode(UInt64.self, forKey: .seed), noise: try c.decode(Double.self, forKey: .noise),
                  labels: try c.decode(Int.self, forKey: .labels), poolSize: try c.decode(Int.self, forKey: .poolSize),
                  testSize: try c.decode(Int.self, forKey: .testSize), testSource: try c.decode(String.self, forKey: .testSource),
                  errorsMade: try c.decode(Int.self, forKey: .errorsMade), errorsCaught: try c.decode(Int.self, forKey: .errorsCaught),
                  reviewFlagged: try c.decode(Int.self, forKey: .reviewFlagged))
    }
}
