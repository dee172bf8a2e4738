import Core
import Engine
import Terminal

/// Everything that can happen to the workbench: input, and results of effects.
public enum Action: Sendable {
    /// A key pressed at monotonic time `at` (seconds).
    case key(Key, at: Double)
    /// The terminal changed size.
    case resized
    /// A journal append became durable.
    case appended(JournalRecord, at: Double)
    /// A journal append failed; nothing was saved.
    case appendFailed(String)
    /// A rebuilt model (after undo or consolidation) is ready.
    case modelReady(Classifier, generation: Int32, note: String)
    /// Fresh scores for the queue are ready (computed by `generation`).
    case scored([Scored], generation: Int32)
    /// New insight is ready.
    case insightReady(InsightSummary)
    /// A background consolidation over `examples` labels finished (started at `schema`, `generation`);
    /// `replica` is a copy with its own buffers for the ranking worker (large queues only).
    case consolidated(Classifier, examples: Int, schema: Int, generation: Int32, replica: Classifier? = nil)
    /// A full background ranking of a large queue is ready.
    case ranked(Ranking)
    /// Fresh verdicts for the head of a large queue (`indices`, first rows), computed right after a change.
    case headScored(indices: [Int], scores: [Scored], generation: Int32)
    /// A background search finished: the first matching message, if any.
    case searchDone(SearchResult)
    /// The matches of a limit searched for in the background (a large store).
    case limitFound(QueueLimit)
}

/// Work the reducer asks the main loop to do. The reducer itself does no I/O.
public enum Effect: Sendable, Equatable {
    /// Append an event to the journal (fsync), then send `.appended` or `.appendFailed`.
    case append(Event)
    /// Rebuild the model from the journal (after an undo), then send `.modelReady`.
    case rebuildModel
    /// Re-score and re-rank the queue with the current model, then send `.scored`.
    case rescore
    /// Recompute clusters, anomalies, emerging terms, suggestions and review.
    case refreshInsight
    /// Continue a search in the background, then send `.searchDone`.
    case search(SearchRequest)
    /// Find a limit's matches in the background, then send `.limitFound`.
    case limit(String)
    /// Re-train over all labels so far in the background, then send `.consolidated`.
    case consolidate
    /// Load and apply a theme by name.
    case loadTheme(String)
    /// Leave the program.
    case quit
}
