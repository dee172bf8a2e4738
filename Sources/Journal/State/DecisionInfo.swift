import Core

/// The effective label of one message: the latest label decision that was not undone.
public struct DecisionInfo: Sendable, Equatable {
    /// The message's id.
    public var messageID: String
    /// The label (after any renames).
    public var label: String
    /// Analyst who made the decision.
    public var actor: String
    /// UTC time of the decision (ISO 8601).
    public var time: String
    /// Sequence number of the deciding record.
    public var seq: Int
    /// The model's top label before the decision (nil for bulk labels or when there was none).
    public var predicted: String?
    /// The model's confidence in `predicted` before the decision.
    public var confidence: Double?
    /// Queue strategy that picked the message.
    public var strategy: QueueStrategy?
    /// Where the decision was made.
    public var origin: DecisionOrigin
    /// Milliseconds spent on the decision.
    public var ms: Int
    /// True when the decision came from a bulk label.
    public var bulk: Bool
    /// Cluster of a bulk label, if any.
    public var cluster: Int?

    /// Creates a decision record.
    public init(messageID: String, label: String, actor: String, time: String, seq: Int, predicted: String? = nil,
                confidence: Double? = nil, strategy: QueueStrategy? = nil, origin: DecisionOrigin = .triage,
                ms: Int = 0, bulk: Bool = false, cluster: Int? = nil) {
        self.messageID = messageID
        self.label = label
        self.actor = actor
        self.time = time
        self.seq = seq
        self.predicted = predicted
        self.confidence = confidence
        self.strategy = strategy
        self.origin = origin
        self.ms = ms
        self.bulk = bulk
        self.cluster = cluster
    }
}

/// A note attached to a message or to the session.
public struct NoteInfo: Sendable, Equatable {
    /// Sequence number of the note record.
    public var seq: Int
    /// The message it is about, if any.
    public var messageID: String?
    /// The note's text.
    public var text: String
    /// Analyst who wrote it.
    public var actor: String
    /// UTC time (ISO 8601).
    public var time: String

    /// Creates a note.
    public init(seq: Int, messageID: String?, text: String, actor: String, time: String) {
        self.seq = seq
        self.messageID = messageID
        self.text = text
        self.actor = actor
        self.time = time
    }
}
