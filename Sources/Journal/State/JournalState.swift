import Core

/// Everything the journal says, folded: labels, decisions, skips, notes, lexicon, cycles.
///
/// The fold is pure and incremental: `apply(_:)` one record at a time (the
/// live app) or `init(records:)` (replay) give the same state. Undo of a
/// label, skip, bulk label, lexicon change, note or label definition
/// reverts exactly that event's effect: the affected messages fall back to
/// their previous effective event, the lexicon and label schema are
/// re-derived without it. A label rename rewrites every earlier use of the
/// old name (decisions, training sequence, lexicon).
public struct JournalState: Sendable, Equatable {
    /// The label schema.
    public internal(set) var labels: LabelSet
    /// Latest effective label per message id.
    public internal(set) var decisions: [String: DecisionInfo] = [:]
    /// Length of `trainingSequence`, kept in step (no list built).
    public internal(set) var trainingCount = 0
    /// Bumped whenever the training sequence changes other than by growing at its end (an
    /// undone decision, a renamed label): a copy of its first entries is then out of date.
    public internal(set) var trainingRevision = 0
    /// Number of effective decisions per label (kept in step with `decisions`).
    public internal(set) var labelCounts: [String: Int] = [:]
    /// Ids whose latest effective event is a skip and that have no decision.
    public internal(set) var skipped: Set<String> = []
    /// Notes not undone, in journal order.
    public internal(set) var notes: [NoteInfo] = []
    /// Lexicon entries (term under label) as they stand, in order of first addition.
    public internal(set) var lexicon: [LexiconEntry] = []
    /// Terms masked from the model.
    public internal(set) var suppressedTerms: Set<String> = []
    /// Machine suggestions the analyst turned down (kept so they are not offered again).
    public internal(set) var rejectedSuggestions: [LexiconChange] = []
    /// Metrics of every closed cycle, in order.
    public internal(set) var cycles: [CycleMetrics] = []
    /// Sequence number of the last `cycle_closed` record (0 before the first).
    public internal(set) var lastCycleSeq = 0
    /// Every session opened, in order.
    public internal(set) var sessions: [SessionOpened] = []
    /// Sequence numbers that were undone, mapped to the undo record's seq.
    public internal(set) var undone: [Int: Int] = [:]
    /// Oddities found while folding (an undo of an unknown seq, a rename of an unknown label…); they are ignored.
    public internal(set) var warnings: [String] = []
    /// Sequence number of the last record applied.
    public internal(set) var lastSeq = 0

    // Internal bookkeeping for exact undo.
    let initialLabels: LabelSet
    var labelEvents: [Int: LabelEventInfo] = [:]
    var labelSeqs: [Int] = []
    var skipEvents: [Int: String] = [:]
    var history: [String: [Int]] = [:]
    var schemaEvents: [(seq: Int, event: Event)] = []
    var lexiconRecords: [LexiconOpRecord] = []
    var lexiconSeqs: Set<Int> = []
    var lexiconIndex: [String: Int] = [:]
    var noteSeqs: Set<Int> = []

    /// A label or bulk-label event, kept for undo and the training sequence.
    struct LabelEventInfo: Sendable, Equatable {
        var ids: [String]
        var label: String
        var actor: String
        var time: String
        var predicted: String?
        var confidence: Double?
        var strategy: QueueStrategy?
        var origin: DecisionOrigin
        var ms: Int
        var bulk: Bool
        var cluster: Int?
    }

    /// An empty state whose label schema starts from `labels` (e.g. the workspace settings).
    public init(labels: LabelSet = LabelSet()) {
        self.labels = labels
        self.initialLabels = labels
    }

    /// The fold of `records`, in order.
    public init(records: [JournalRecord], labels: LabelSet = LabelSet()) {
        self.init(labels: labels)
        for r in records { apply(r) }
    }

    /// The effective label decisions in journal order: what a fresh model learns, in this order.
    ///
    /// A bulk label contributes each of its ids in order; undone events are
    /// left out; labels carry their current names (after renames).
    public var trainingSequence: [(messageID: String, label: String)] {
        var out: [(messageID: String, label: String)] = []
        out.reserveCapacity(labelSeqs.count)
        for s in labelSeqs where undone[s] == nil {
            guard let e = labelEvents[s] else { continue }
            for id in e.ids { out.append((id, e.label)) }
        }
        return out
    }

    /// The lexicon changes not undone, in journal order (labels after renames).
    public var lexiconOps: [LexiconOpRecord] {
        lexiconRecords.filter { undone[$0.seq] == nil }
    }

    /// Number of effective decisions (label events and bulk-label ids) since the last closed cycle.
    public var decisionsSinceCycle: Int {
        var n = 0
        for s in labelSeqs where s > lastCycleSeq && undone[s] == nil { n += labelEvents[s]?.ids.count ?? 0 }
        return n
    }

    /// The effective label of a message, if any.
    public func label(of messageID: String) -> String? { decisions[messageID]?.label }

    /// Equality of the derived state (bookkeeping included).
    public static func == (a: JournalState, b: JournalState) -> Bool {
        a.labels == b.labels && a.decisions == b.decisions && a.skipped == b.skipped && a.notes == b.notes
            && a.lexicon == b.lexicon && a.suppressedTerms == b.suppressedTerms
            && a.rejectedSuggestions == b.rejectedSuggestions && a.cycles == b.cycles
            && a.lastCycleSeq == b.lastCycleSeq && a.sessions == b.sessions && a.undone == b.undone
            && a.lastSeq == b.lastSeq && a.labelSeqs == b.labelSeqs && a.labelEvents == b.labelEvents
    }
}
