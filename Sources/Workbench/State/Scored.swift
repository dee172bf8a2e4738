/// The model's compact verdict on one queued message, cached for the queue pane.
///
/// One per message: a few bytes instead of a full `Prediction`, so a million
/// messages stay cheap. `generation` says which model produced it.
public struct Scored: Sendable, Equatable {
    /// Index of the top label in the classifier's label list (-1: none).
    public var top: Int32
    /// Index of the runner-up label (-1: none).
    public var runnerUp: Int32
    /// Probability of the top label.
    public var confidence: Float
    /// Uncertainty under the active strategy (higher = ask sooner).
    public var priority: Float
    /// Model generation (number of updates) that produced this verdict.
    public var generation: Int32

    public init(top: Int32 = -1, runnerUp: Int32 = -1, confidence: Float = 0, priority: Float = 0, generation: Int32 = -1) {
        self.top = top
        self.runnerUp = runnerUp
        self.confidence = confidence
        self.priority = priority
        self.generation = generation
    }

    /// Not yet scored.
    public static let unscored = Scored()

    /// The top label's name among `labels` (the classifier's list), if it has one.
    public func topLabel(in labels: [String]) -> String? {
        top >= 0 && Int(top) < labels.count ? labels[Int(top)] : nil
    }
}
