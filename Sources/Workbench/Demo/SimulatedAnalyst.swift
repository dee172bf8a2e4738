import Insight

/// The analyst of `dyad demo`: labels each message with its gold label, and
/// gets it wrong with probability `noise`.
///
/// Whether a message is labeled wrongly, and with which wrong label, depends
/// only on the seed and the message index, so two learners shown the same
/// message in different orders get the same (possibly wrong) answer.
public struct SimulatedAnalyst: Sendable {
    /// Probability of a wrong label (0…1).
    public var noise: Double
    /// Seed of the mistakes.
    public var seed: UInt64
    /// The labels to choose a wrong one from.
    public var labels: [String]

    /// Creates an analyst.
    public init(noise: Double, seed: UInt64, labels: [String]) {
        self.noise = min(1, max(0, noise))
        self.seed = seed
        self.labels = labels
    }

    /// One answer of the analyst.
    public struct Answer: Sendable, Equatable {
        /// The label given.
        public var label: String
        /// True when it differs from the gold label (a simulated error).
        public var wrong: Bool
    }

    /// The analyst's label for message `index` whose gold label is `gold`.
    public func label(index: Int, gold: String) -> Answer {
        var rng = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        let roll = rng.unit()
        let others = labels.filter { $0 != gold }
        guard roll < noise, !others.isEmpty else { return Answer(label: gold, wrong: false) }
        return Answer(label: others[Int(rng.next() % UInt64(others.count))], wrong: true)
    }
}
