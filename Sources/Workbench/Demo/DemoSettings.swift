import Core
import Engine

/// How a demo runs: how many labels, how noisy the analyst, which order.
public struct DemoSettings: Sendable {
    /// Labels each learner gets (capped by the pool size).
    public var labels: Int
    /// Probability that the simulated analyst gives a wrong label.
    public var noise: Double
    /// Seed of the random order, the analyst's mistakes and the holdout.
    public var seed: UInt64
    /// The active learner's queue strategy.
    public var strategy: QueueStrategy
    /// Labels between two measurements of the curves.
    public var every: Int
    /// Labels taken in the random learner's order before the active strategy takes over (a shared warm start).
    public var warmStart: Int
    /// Engine settings of both learners.
    public var config: EngineConfig
    /// Probability of another label above which the review check flags a labeled message.
    public var reviewThreshold: Double
    /// Random-order learners whose curves are averaged into the baseline: one random order is
    /// itself a lucky or unlucky draw, and the comparison should not hang on it.
    public var randomRuns: Int

    /// Creates settings.
    public init(labels: Int = 200, noise: Double = 0.1, seed: UInt64 = 42, strategy: QueueStrategy = .margin,
                every: Int = 10, warmStart: Int = 10, config: EngineConfig = EngineConfig(), reviewThreshold: Double = 0.5,
                randomRuns: Int = 3) {
        self.labels = labels
        self.noise = noise
        self.seed = seed
        self.strategy = strategy
        self.every = max(1, every)
        self.warmStart = max(0, warmStart)
        self.config = config
        self.reviewThreshold = reviewThreshold
        self.randomRuns = max(1, randomRuns)
    }
}
