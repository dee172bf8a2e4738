/// Counts the decisions of the open learning cycle, so it can be closed with metrics.
public struct CycleTracker: Sendable, Equatable {
    /// Decisions per cycle before it closes by itself.
    public var length: Int
    /// Number of the open cycle (1-based).
    public var number: Int = 1
    /// Label decisions in the open cycle: (label, model's prior top label, ms).
    public var decisions: [CycleDecision] = []
    /// Lexicon changes in the open cycle by author name.
    public var lexiconChanges: [String: Int] = [:]
    /// Top label per message index when the cycle opened (for flips).
    public var topsAtStart: [Int32] = []
    /// Term weights per label when the cycle opened (for movement).
    public var termsAtStart: [String: [String: Double]] = [:]
    /// Top terms taken when this cycle was closed on the key loop (reused as the next cycle's start).
    public var closingSnapshot: [String: [String: Double]]?

    public init(length: Int) {
        self.length = max(1, length)
    }
}

/// One decision as the cycle remembers it.
public struct CycleDecision: Sendable, Equatable {
    public var messageID: String
    public var label: String
    public var predicted: String?
    public var ms: Int
    public init(messageID: String, label: String, predicted: String?, ms: Int) {
        self.messageID = messageID
        self.label = label
        self.predicted = predicted
        self.ms = ms
    }
}
