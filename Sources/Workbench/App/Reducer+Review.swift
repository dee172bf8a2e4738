import Core

extension Reducer {
    /// Installs fresh insight, leaving out review items the analyst has already resolved.
    static func applyInsight(_ s: inout AppState, _ summary: InsightSummary) {
        s.insight = summary
        dropResolvedReviews(&s)
        s.flagged = Dictionary((s.insight?.review ?? []).map { ($0.index, $0.suggested) }, uniquingKeysWith: { a, _ in a })
    }

    /// Removes review items whose message's effective decision was made in the review queue
    /// (kept or changed there): the analyst has answered the doubt, so it leaves the queue.
    /// A later decision elsewhere (triage, clusters) may bring the message back.
    static func dropResolvedReviews(_ s: inout AppState) {
        guard let items = s.insight?.review, !items.isEmpty else { return }
        let open = items.filter { s.journal.decisions[s.store.id($0.index)]?.origin != .review }
        guard open.count != items.count else { return }
        s.insight?.review = open
        s.reviewCursor = max(0, min(s.reviewCursor, open.count - 1))
    }
}
