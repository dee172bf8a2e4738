import Core
import Engine
import Journal

/// What a report shows, folded from a workspace's journal (and, when given,
/// the message files and a held-out test file).
public struct ReportData: Sendable {
    /// One learning cycle (closed, or the open tail of the journal).
    public struct Cycle: Sendable, Equatable {
        /// Cycle number.
        public var number: Int
        /// True when a `cycle_closed` record ended it.
        public var closed: Bool
        /// Label decisions in the cycle (bulk labels count each message).
        public var decisions: Int
        /// Share of decisions where the model's prior label equalled the analyst's.
        public var agreement: Double?
        /// Share of decisions equal to the gold label, where messages carry one.
        public var goldAccuracy: Double?
        /// Macro-F1 on a held-out file of the model as it stood at the end of the cycle.
        public var heldOutMacroF1: Double?
        /// Median milliseconds per decision.
        public var medianMs: Double?
        /// Decisions per label.
        public var perLabel: [String: Int]
        /// Lexicon changes by author (`human`, `machine`).
        public var lexiconChanges: [String: Int]
        /// Share of near-duplicate pairs labeled alike, when the cycle recorded it.
        public var consistency: Double?
    }

    /// One group of messages labeled at once: a cluster, an emerging term's messages, a page under a focus.
    public struct BulkDecision: Sendable, Equatable {
        /// Where it was made (journals before origins were recorded: `cluster`).
        public var origin: DecisionOrigin
        /// Cluster id at the time, for a cluster.
        public var cluster: Int?
        /// Label given.
        public var label: String
        /// Messages labeled.
        public var messages: Int
        /// Analyst.
        public var actor: String
        /// A sample text (when the message files are at hand).
        public var sample: String?
    }

    /// Every cycle in order, the open tail last (when it has decisions).
    public var cycles: [Cycle] = []
    /// The journal's fold.
    public var journal: JournalState
    /// Cumulative lexicon additions by author, one point per lexicon change: (decisions so far, human, machine).
    public var lexiconGrowth: [(decisions: Int, human: Int, machine: Int)] = []
    /// Bulk labels, in journal order.
    public var bulkDecisions: [BulkDecision] = []
    /// Label decisions by origin (`triage`, `review`, `cluster`, `signals`, `focus`, `demo`).
    public var origins: [String: Int] = [:]
    /// Analysts who made decisions.
    public var actors: [String] = []
    /// Time of the first and last record.
    public var span: (first: String, last: String)?
    /// Where the held-out scores came from, if any.
    public var heldOutSource: String?
    /// Label names in schema order.
    public var labels: [String] { journal.labels.all.map(\.name) }
}
