import Core

/// Counts the decisions of the open learning cycle, so it can be closed with metrics.
public struct CycleTracker: Sendable, Equatable {
    /// Decisions per cycle before it closes by itself.
    public var length: Int
    /// Number of the open cycle (1-based).
    public var number: Int = 1
    /// Label decisions in the open cycle: (label, model's prior top label, ms).
    /// Changed only through `add`, `removeLast(messageID:)` and `clearDecisions`, which keep
    /// the totals below, so closing a cycle of 100,000 decisions costs no pass over them.
    public private(set) var decisions: [CycleDecision] = []
    /// Decisions the model had a label for before the analyst decided.
    public private(set) var judged = 0
    /// Those where the model's label was the analyst's.
    public private(set) var agreed = 0
    /// Decisions made for many messages at once (bulk labels).
    public private(set) var atOnce = 0
    /// Decisions per label.
    public private(set) var perLabel: [String: Int] = [:]
    /// The positive decision times (ms), in order.
    public private(set) var times: [Int] = []
    /// Lexicon changes in the open cycle by author name.
    public var lexiconChanges: [String: Int] = [:]
    /// Top label per message index when the cycle opened (for flips).
    public var topsAtStart: [Int32] = []
    /// Term weights per label when the cycle opened (for movement).
    public var termsAtStart: [String: [String: Double]] = [:]
    /// Top terms taken when this cycle was closed on the key loop (reused as the next cycle's start).
    public var closingSnapshot: [String: [String: Double]]?
    /// Set when the analyst closed the cycle (`C`): its report then opens. A cycle that closes by
    /// itself after its last decision says so on the status line instead, so keys typed ahead
    /// keep labeling and nothing is hidden behind a report nobody asked for.
    public var reportRequested = false

    public init(length: Int) {
        self.length = max(1, length)
    }

    /// Adds a decision to the open cycle.
    public mutating func add(_ d: CycleDecision) {
        decisions.append(d)
        if let p = d.predicted {
            judged += 1
            if p == d.label { agreed += 1 }
        }
        perLabel[d.label, default: 0] += 1
        if d.atOnce { atOnce += 1 }
        if d.ms > 0 { times.append(d.ms) }
    }

    /// Adds a bulk label's messages to the open cycle, each a decision made at once.
    public mutating func add(_ b: BulkLabel) {
        for id in b.messageIDs { add(CycleDecision(messageID: id, label: b.label, predicted: nil, ms: 0, atOnce: true)) }
    }

    /// Takes back a bulk label's messages (its undo); a cycle closed since keeps its record.
    public mutating func remove(_ b: BulkLabel) {
        for id in b.messageIDs { removeLast(messageID: id) }
    }

    /// Takes back the latest decision on `messageID` (an undo), if the open cycle has one.
    public mutating func removeLast(messageID: String) {
        guard let k = decisions.lastIndex(where: { $0.messageID == messageID }) else { return }
        let d = decisions.remove(at: k)
        if let p = d.predicted {
            judged -= 1
            if p == d.label { agreed -= 1 }
        }
        perLabel[d.label, default: 0] -= 1
        if perLabel[d.label] == 0 { perLabel[d.label] = nil }
        if d.atOnce { atOnce -= 1 }
        if d.ms > 0, let t = times.lastIndex(of: d.ms) { times.remove(at: t) }
    }

    /// Empties the open cycle's decisions (a cycle close read back from the journal).
    public mutating func clearDecisions() {
        decisions = []
        judged = 0
        agreed = 0
        atOnce = 0
        perLabel = [:]
        times = []
    }
}

/// One decision as the cycle remembers it.
public struct CycleDecision: Sendable, Equatable {
    public var messageID: String
    public var label: String
    public var predicted: String?
    public var ms: Int
    /// Made for many messages at once (a bulk label).
    public var atOnce: Bool
    public init(messageID: String, label: String, predicted: String?, ms: Int, atOnce: Bool = false) {
        self.atOnce = atOnce
        self.messageID = messageID
        self.label = label
        self.predicted = predicted
        self.ms = ms
    }
}
