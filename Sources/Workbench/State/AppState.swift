import Core
import Engine
import Insight
import Journal
import Terminal

/// Everything the workbench shows and decides from. The reducer changes it;
/// panes only read it.
public struct AppState {
    // MARK: Domain
    /// The messages being triaged.
    public var store: MessageStore
    /// The fold of the journal: labels, decisions, lexicon, cycles.
    public var journal: JournalState
    /// The live model (online updates applied after each saved decision).
    public var model: Classifier
    /// Number of updates applied to `model` (labels, lexicon ops, rebuilds).
    public var modelGeneration: Int32 = 0
    /// Cached verdict per message index.
    public var scores: [Scored]
    /// Status of every message by index, kept in step with `journal` (queue ordering without string look-ups).
    public var book = QueueBook()
    /// Sequence numbers of undoable records, oldest first (undone ones removed).
    public var undoStack: [Int] = []
    /// The events behind `undoStack`, by sequence number.
    public var undoable: [Int: Event] = [:]
    /// Prequential agreement per label decision (model's prior top label == analyst's), oldest first.
    public var agreement: [Bool] = []
    /// Milliseconds per decision, oldest first.
    public var decisionTimes: [Int] = []
    /// Messages flagged by the review finder: index → suggested label.
    public var flagged: [Int: String] = [:]
    /// Latest insight computed in the background.
    public var insight: InsightSummary?
    /// What the last decision changed, for the insight pane.
    public var lastChange: ChangeSummary?
    /// Cycle bookkeeping since the last closed cycle.
    public var cycle: CycleTracker

    // MARK: Queue and navigation
    /// Message indices in display order: pending by strategy, then skipped, then labeled.
    public var queue = QueueRows()
    /// Selected row in `queue`.
    public var cursor: Int = 0
    /// First visible row of the queue pane.
    public var scroll: Int = 0
    public var strategy: QueueStrategy
    /// Seed for the random strategy.
    public var seed: UInt64 = 42
    /// The model label triage is narrowed to (`QueueFocus`), if any.
    public var focus: String?
    /// Pending messages the model gives `focus` (kept exact as scores and decisions change).
    public var focusCount = 0
    /// The model's track record on `focus`: for the analyst's latest decisions on messages the
    /// model gave that label beforehand (at most `QueueFocus.recordLength`, oldest first),
    /// whether the analyst gave it too.
    public var focusRecord: [Bool] = []
    /// Triage limited to messages containing a phrase (`l`), if any; with `focus`, both hold.
    public var limit: QueueLimit?
    /// The query of a limit being searched for in the background (a large store), if any.
    public var pendingLimit: String?
    /// Stores up to this many messages find a limit's matches on the key loop (about 0.1 s at
    /// 200,000 on two cores); larger ones in the background, so keys stay answered.
    public var syncLimitSize = 50_000
    /// The label triage explains the model's verdict against (`w`, "why not …"), if the
    /// analyst chose one; otherwise the analyst's own differing label or the runner-up.
    public var rival: String?

    // MARK: Interaction
    public var view: View = .triage
    public var mode: Mode = .normal
    /// The last confirmed search query, for `n` / `N`.
    public var lastSearch: String = ""
    /// The cursor and scroll when `/` opened the search: Esc, or Enter on a query nothing
    /// matches, puts them back (as less and mutt do).
    public var searchOrigin: (cursor: Int, scroll: Int)?
    /// Seconds (monotonic) when the current message was first shown.
    public var shownAt: Double = 0
    /// One-line feedback shown in the status line.
    public var flash: Flash?
    /// Sequence number of the last record made durable.
    public var lastSavedSeq: Int?
    /// True when the workspace is opened read-only.
    public var readOnly: Bool
    public var keyMap: KeyMap
    public var theme: Theme
    /// Theme names `#` cycles through.
    public var themeNames: [String] = ["default", "light", "high-contrast"]
    /// Views' own cursors.
    public var clusterCursor = 0
    public var clusterMemberCursor: Int? = nil
    public var lexiconCursor = 0
    public var reviewCursor = 0
    /// Cycle under the Cycles view's cursor, by position in `journal.cycles` (nil: the latest).
    public var cyclesCursor: Int? = nil
    /// Row of the Signals view (`SignalRow.rows`).
    public var signalsCursor = 0
    /// Background work in progress, shown in the insight pane.
    public var busy: [String] = []
    /// Rows visible in the queue pane (set by the layout; used for paging).
    public var pageSize = 10
    /// True after quit was requested.
    public var quitting = false
    /// Set by a decision or a skip: the next re-score shows the head of the queue
    /// (the next message to decide); any other re-score keeps the message on screen.
    public var advanceToHead = false

    /// Set by the main loop when the terminal is below `Renderer.minimumSize`: the screen shows
    /// only a notice, so keys do nothing but quit (a label key would decide a message unseen).
    public var screenTooSmall = false

    // MARK: Context
    public var analyst: String
    public var workspacePath: String
    /// The narration of `dyad demo` (nil outside the demo).
    public var demo: DemoNarration?
    /// Counts undos, lexicon and label-schema changes: a consolidation started before one is stale.
    public var schemaGeneration = 0
    /// Labels covered by the consolidation behind the shown model (nil: online updates only).
    public var consolidatedAt: Int?
    /// Held-out messages with gold labels, scored when a cycle closes (nil when none given).
    public var heldOut: MessageStore?
    /// Near-duplicate keys of messages, memoized (cycle consistency).
    public var duplicateKeys = DuplicateKeys(count: 0)
    /// True when a background ranking worker delivers top terms and confidences with each
    /// ranking: the key loop then reads those instead of passing over the model's vocabulary.
    public var termsFromRanking = false
    /// Top terms per label delivered with the latest background ranking.
    public var rankedTerms: RankedTerms?
    /// Top-label probability per message of the latest background ranking (NaN: no label), for insight.
    public var rankedConfidences: [Float] = []

    /// Creates the state for a loaded session.
    public init(store: MessageStore, journal: JournalState, model: Classifier, strategy: QueueStrategy,
                analyst: String, workspacePath: String, readOnly: Bool, keyMap: KeyMap, theme: Theme,
                cycleLength: Int) {
        self.store = store
        self.journal = journal
        self.model = model
        self.strategy = strategy
        self.analyst = analyst
        self.workspacePath = workspacePath
        self.readOnly = readOnly
        self.keyMap = keyMap
        self.theme = theme
        self.scores = Array(repeating: .unscored, count: store.count)
        self.cycle = CycleTracker(length: cycleLength)
    }

    // MARK: Derived

    /// The message index under the cursor, if the queue is not empty.
    public var selected: Int? { queue.indices.contains(cursor) ? queue[cursor] : nil }

    /// The queue row of message `i`, or nil when it is not queued.
    public func row(of i: Int) -> Int? { queue.row(of: i) }

    /// The state of message `i`.
    public func state(of i: Int) -> MessageState {
        let id = store.id(i)
        if let d = journal.decisions[id] {
            if flagged[i] != nil { return .flagged(d.label) }
            return .labeled(d.label)
        }
        if journal.skipped.contains(id) { return .skipped }
        return .new
    }

    /// Number of messages with a decision.
    public var labeledCount: Int { journal.decisions.count }

    /// Share of the last `n` decisions where the model agreed (nil when none).
    public func recentAgreement(_ n: Int = 20) -> Double? {
        let tail = agreement.suffix(n)
        guard !tail.isEmpty else { return nil }
        return Double(tail.filter { $0 }.count) / Double(tail.count)
    }
}

/// A one-line message for the status line.
public struct Flash: Sendable, Equatable {
    public enum Kind: Sendable { case info, saved, warning, error }
    public var kind: Kind
    /// What happened.
    public var main: String
    /// A note on what it also ended (`no pending message … is left: focus cleared`), kept apart so
    /// a later line (the cycle closing) can carry it on.
    public var ended: String?
    /// The line shown: the main text, then the note.
    public var text: String { main + (ended.map { " · " + $0 } ?? "") }
    public init(_ kind: Kind, _ text: String, ended: String? = nil) {
        self.kind = kind
        main = text
        self.ended = ended
    }
}
