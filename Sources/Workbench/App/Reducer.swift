import Core
import Engine
import Journal
import Terminal

/// The pure heart of the workbench: applies an action to the state and
/// returns the effects (journal appends, background work) for the main loop.
public enum Reducer {
    /// Applies `action` to `state`; returns effects to perform, in order.
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case let .key(key, at):
            return handleKey(&state, key, at: at)
        case .resized:
            clampScroll(&state, visibleRows: 10)
            return []
        case let .appended(record, at):
            return applyRecord(&state, record, at: at)
        case let .appendFailed(reason):
            state.flash = Flash(.error, "NOT saved: \(reason)")
            return []
        case let .modelReady(model, generation, note):
            state.model = model
            state.modelGeneration = generation
            if !note.isEmpty { state.flash = Flash(.info, note) }
            return [.rescore]
        case let .scored(scores, generation):
            applyScores(&state, scores, generation: generation)
            return []
        case let .ranked(ranking):
            applyRanking(&state, ranking)
            return []
        case let .headScored(indices, scores, generation):
            applyHead(&state, indices: indices, scores: scores, generation: generation)
            return []
        case let .searchDone(result):
            applySearch(&state, result)
            return []
        case let .limitFound(limit):
            if state.pendingLimit == limit.query { applyLimit(&state, limit) }
            return []
        case let .consolidated(model, examples, schema, generation, _):
            return applyConsolidation(&state, model, examples: examples, schema: schema, generation: generation)
        case let .insightReady(summary):
            applyInsight(&state, summary)
            return []
        }
    }

    /// Keeps the cursor row visible in a pane of `visibleRows` rows.
    public static func clampScroll(_ state: inout AppState, visibleRows: Int) {
        let rows = max(1, visibleRows)
        state.cursor = min(max(0, state.cursor), max(0, state.queue.count - 1))
        if QueueFocus.active(state) { return QueueFocus.clampScroll(&state, visibleRows: rows) }
        if state.cursor < state.scroll { state.scroll = state.cursor }
        if state.cursor >= state.scroll + rows { state.scroll = state.cursor - rows + 1 }
        state.scroll = max(0, min(state.scroll, max(0, state.queue.count - rows)))
    }
}
