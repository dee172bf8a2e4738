/// Who proposed a lexicon term: the analyst, or the machine (a suggestion the analyst accepted).
public enum TermAuthor: String, Sendable, Codable, Equatable {
    case human
    case machine
}

/// Where a label decision was made.
public enum DecisionOrigin: String, Sendable, Codable, Equatable {
    /// Triage queue.
    case triage
    /// Review queue of suspected inconsistencies.
    case review
    /// Clusters view.
    case cluster
    /// Simulated analyst of `dyad demo`.
    case demo
    /// Signals view (an anomaly labeled where it was shown).
    case signals
    /// Triage under a focus on one model label (a page confirmed at once).
    case focus
}

/// Payload of the first event of every session.
public struct SessionOpened: Sendable, Codable, Equatable {
    public var dyadVersion: String
    /// Paths of the message files as given.
    public var files: [String]
    /// Hex digest of the message files' bytes (FNV-1a 64 over all files in order).
    public var filesHash: String
    public var messageCount: Int
    public init(dyadVersion: String, files: [String], filesHash: String, messageCount: Int) {
        self.dyadVersion = dyadVersion
        self.files = files
        self.filesHash = filesHash
        self.messageCount = messageCount
    }
}

/// Payload of a label decision.
public struct LabelDecision: Sendable, Codable, Equatable {
    public var messageID: String
    public var label: String
    /// The model's top label *before* the decision (nil if it had none).
    public var predicted: String?
    /// The model's confidence in `predicted` before the decision.
    public var confidence: Double?
    /// Queue strategy that put the message in front of the analyst.
    public var strategy: QueueStrategy?
    /// Milliseconds the analyst spent on the message.
    public var ms: Int
    public var origin: DecisionOrigin
    public init(messageID: String, label: String, predicted: String?, confidence: Double?,
                strategy: QueueStrategy?, ms: Int, origin: DecisionOrigin = .triage) {
        self.messageID = messageID
        self.label = label
        self.predicted = predicted
        self.confidence = confidence
        self.strategy = strategy
        self.ms = ms
        self.origin = origin
    }
}

/// Kinds of change to the shared lexicon.
public enum LexiconOp: String, Sendable, Codable, Equatable {
    /// Term added to a label's concept (as a feature for that label).
    case add
    /// Term removed from the lexicon.
    case remove
    /// Term's weight for a label raised by the analyst.
    case boost
    /// Term masked from the model everywhere.
    case suppress
    /// A suppression lifted.
    case unsuppress
    /// A machine suggestion turned down (kept so it is not offered again).
    case reject
}

/// Payload of a lexicon change.
public struct LexiconChange: Sendable, Codable, Equatable {
    public var op: LexiconOp
    public var term: String
    /// Label the term belongs to (nil for `suppress`/`unsuppress`).
    public var label: String?
    /// Optional concept (a named group of terms under a label).
    public var concept: String?
    public var author: TermAuthor
    public init(op: LexiconOp, term: String, label: String? = nil, concept: String? = nil, author: TermAuthor = .human) {
        self.op = op
        self.term = term
        self.label = label
        self.concept = concept
        self.author = author
    }
}

/// Payload of a bulk label (a cluster or a selection labeled at once).
public struct BulkLabel: Sendable, Codable, Equatable {
    public var label: String
    public var messageIDs: [String]
    /// Cluster the messages came from, if any.
    public var cluster: Int?
    /// Where the messages were labeled at once (journals before it was recorded: nil, read as a cluster).
    public var origin: DecisionOrigin?
    /// Where the messages were labeled, records from before `origin` read as a cluster's.
    public var madeIn: DecisionOrigin { origin ?? .cluster }
    public init(label: String, messageIDs: [String], cluster: Int?, origin: DecisionOrigin? = nil) {
        self.label = label
        self.messageIDs = messageIDs
        self.cluster = cluster
        self.origin = origin
    }
}

/// Metrics recorded when a learning cycle closes.
public struct CycleMetrics: Sendable, Codable, Equatable {
    public var number: Int
    public var decisions: Int
    /// Share of decisions where the model's prior top label equalled the analyst's (prequential).
    public var agreement: Double
    /// Macro-F1 on a held-out labeled file, when one is given.
    public var heldOutMacroF1: Double?
    /// Accuracy against gold labels of messages labeled in the cycle, when gold exists.
    public var goldAccuracy: Double?
    public var perLabel: [String: Int]
    /// Terms whose weights moved most during the cycle.
    public var movedTerms: [String]
    /// Unlabeled messages whose top label changed during the cycle.
    public var flipped: Int
    /// Lexicon changes made during the cycle, by author (`human`, `machine`).
    public var lexiconChanges: [String: Int]
    /// Median milliseconds per decision.
    public var msPerDecision: Double
    /// Share of near-duplicate pairs labeled alike (nil when none).
    public var consistency: Double?
    /// F1 of each gold label of the held-out file (empty without one): where the model is weak.
    public var heldOutF1ByLabel: [String: Double]
    /// Of `decisions`, those made for many messages at once (bulk labels: a cluster, a page);
    /// they have no prior prediction, so `agreement` does not count them.
    public var atOnce: Int
    public init(number: Int, decisions: Int, agreement: Double, heldOutMacroF1: Double? = nil,
                goldAccuracy: Double? = nil, perLabel: [String: Int] = [:], movedTerms: [String] = [],
                flipped: Int = 0, lexiconChanges: [String: Int] = [:], msPerDecision: Double = 0,
                consistency: Double? = nil, heldOutF1ByLabel: [String: Double] = [:], atOnce: Int = 0) {
        self.atOnce = atOnce
        self.number = number
        self.decisions = decisions
        self.agreement = agreement
        self.heldOutMacroF1 = heldOutMacroF1
        self.goldAccuracy = goldAccuracy
        self.perLabel = perLabel
        self.movedTerms = movedTerms
        self.flipped = flipped
        self.lexiconChanges = lexiconChanges
        self.msPerDecision = msPerDecision
        self.consistency = consistency
        self.heldOutF1ByLabel = heldOutF1ByLabel
    }
}

/// A human decision or session fact, as stored in the journal.
public enum Event: Sendable, Equatable {
    case sessionOpened(SessionOpened)
    case label(LabelDecision)
    case skip(messageID: String, strategy: QueueStrategy?, ms: Int)
    /// Undoes the event with sequence number `seq` (a label, skip, bulk label or lexicon change).
    case undo(seq: Int)
    case note(messageID: String?, text: String)
    case labelDefined(name: String, key: String?, description: String?)
    case labelRenamed(from: String, to: String)
    case labelRetired(name: String)
    case lexicon(LexiconChange)
    case bulkLabel(BulkLabel)
    case cycleClosed(CycleMetrics)

    /// The event's type name as written in the journal's `type` field.
    public var typeName: String {
        switch self {
        case .sessionOpened: "session_opened"
        case .label: "label"
        case .skip: "skip"
        case .undo: "undo"
        case .note: "note"
        case .labelDefined: "label_defined"
        case .labelRenamed: "label_renamed"
        case .labelRetired: "label_retired"
        case .lexicon: "lexicon"
        case .bulkLabel: "bulk_label"
        case .cycleClosed: "cycle_closed"
        }
    }
}

/// An event with its journal envelope.
public struct JournalRecord: Sendable, Equatable {
    /// Journal format version.
    public var version: Int
    /// Sequence number, 1-based, gap-free.
    public var seq: Int
    /// UTC time, ISO 8601 with milliseconds (e.g. `2026-11-21T22:48:51.123Z`).
    public var time: String
    /// Analyst name.
    public var actor: String
    public var event: Event
    public init(version: Int = 1, seq: Int, time: String, actor: String, event: Event) {
        self.version = version
        self.seq = seq
        self.time = time
        self.actor = actor
        self.event = event
    }
}
