import Core
import Engine

/// The first matching message of a background search.
public struct SearchResult: Sendable, Equatable {
    /// The query searched for.
    public var query: String
    /// The matching message index, or nil when none matches.
    public var message: Int?
}

/// A search to continue in the background where the key loop's bounded scan stopped.
public struct SearchRequest: Sendable, Equatable {
    /// The query.
    public var query: String
    /// Direction through the queue.
    public var forward: Bool
    /// Queue row to continue from.
    public var start: Int
    /// Rows still to check.
    public var remaining: Int
}

extension Reducer {
    /// Rows the key loop scans itself before handing a search to the background.
    static let syncSearchLimit = 20_000

    /// Installs a background ranking: verdicts and order, patched for what changed while it ran.
    ///
    /// The message on screen stays put: when the cursor is on the head it stays
    /// the head (it was chosen from fresh scores), otherwise the cursor follows it.
    static func applyRanking(_ s: inout AppState, _ r: Ranking) {
        let n = s.store.count
        guard r.scores.count == n, r.queue.count == n else { return }
        let keep = s.selected
        let onHead = s.cursor == 0
        var scores = r.scores
        if s.scores.count == n {
            // Verdicts of the head re-scored after the ranking's snapshot are fresher: keep them.
            for row in 0..<min(s.queue.count, 1024) {
                let i = s.queue[row]
                if s.scores[i].generation > scores[i].generation { scores[i] = s.scores[i] }
            }
        }
        s.scores = scores
        s.queue = r.queue
        s.position = r.position
        if s.book.status.count != n { s.book = QueueBook(store: s.store, journal: s.journal) }
        if let changed = s.book.changes(since: r.bookVersion) {
            if changed.count == 1 { relocate(&s, changed[0]) } else if !changed.isEmpty { partition(&s, first: changed) }
        } else {
            rebuildQueue(&s)
        }
        if let k = keep {
            if onHead, s.book.status(of: k) == .pending { moveToHead(&s, k) }
            moveCursor(&s, toMessage: k)
        }
        if s.cycle.topsAtStart.count != n { s.cycle.topsAtStart = scores.map(\.top) }
        if s.cycle.termsAtStart.isEmpty { s.cycle.termsAtStart = CycleMetricsBuilder.termSnapshot(s.model) }
        if var change = s.lastChange, change.flipped == 0 {
            change.flipped = r.flips
            s.lastChange = change
        }
        clampScroll(&s, visibleRows: s.pageSize)
    }

    /// Installs fresh verdicts for the first rows and re-orders those rows by them.
    static func applyHead(_ s: inout AppState, indices: [Int], scores: [Scored], generation: Int32) {
        let m = indices.count
        guard m == scores.count, m <= s.queue.count, s.scores.count == s.store.count else { return }
        for (k, i) in indices.enumerated() where i < s.scores.count { s.scores[i] = scores[k] }
        guard Array(s.queue[0..<m]) == indices else { return }
        let keep = s.selected
        if s.strategy != .file {
            let sc = s.scores
            let sorted = indices.sorted { a, b in
                let pa = sc[a].priority, pb = sc[b].priority
                return pa != pb ? pa > pb : a < b
            }
            s.queue.replaceSubrange(0..<m, with: sorted)
            refreshPositions(&s, 0..<m)
        }
        if s.cursor != 0, let k = keep { moveCursor(&s, toMessage: k) }
    }

    /// Puts message `i` on the first row.
    static func moveToHead(_ s: inout AppState, _ i: Int) {
        guard let p = s.row(of: i), p > 0 else { return }
        s.queue.remove(at: p)
        s.queue.insert(i, at: 0)
        refreshPositions(&s, 0..<(p + 1))
    }

    /// Moves to a background search's match if the query is still the one being searched.
    static func applySearch(_ s: inout AppState, _ r: SearchResult) {
        let current: String = {
            if case .search(let q) = s.mode { return q }
            return s.lastSearch
        }()
        guard current == r.query else { return }
        if let i = r.message, let p = s.row(of: i) {
            s.cursor = p
            clampScroll(&s, visibleRows: s.pageSize)
            s.flash = Flash(.info, "match “\(r.query)” at row \(s.cursor + 1) of \(s.queue.count)")
        } else {
            s.flash = Flash(.warning, "no message contains “\(r.query)”")
        }
    }
}
