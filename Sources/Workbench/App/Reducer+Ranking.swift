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

    /// Installs a background ranking: verdicts and the pending order, patched for what changed while it ran.
    ///
    /// The ranking's verdict array is taken over without a copy; the skipped and labeled
    /// sections are the key loop's own (kept in step decision by decision), so only the
    /// pending section is replaced. The message on screen stays put: when the cursor is on
    /// the head it stays the head (it was chosen from fresh scores), otherwise the cursor follows it.
    static func applyRanking(_ s: inout AppState, _ r: Ranking) {
        let n = s.store.count
        guard var scores = r.scores.take(), scores.count == n else { return }
        let keep = s.selected
        let onHead = s.cursor == QueueFocus.head(s)
        if s.scores.count == n {
            // Verdicts of the head re-scored after the ranking's snapshot are fresher: keep them.
            for row in 0..<min(s.queue.count, 1024) {
                let i = s.queue[row]
                if s.scores[i].generation > scores[i].generation { scores[i] = s.scores[i] }
            }
        }
        s.scores = scores
        if s.book.status.count != n { s.book = QueueBook(store: s.store, journal: s.journal) }
        if !installPending(&s, r) { rebuildQueue(&s) }
        recountFocus(&s)
        if let k = keep {
            if onHead, s.book.status(of: k) == .pending { moveToHead(&s, k) }
            moveCursor(&s, toMessage: k)
        }
        if s.cycle.topsAtStart.count != n { s.cycle.topsAtStart = s.scores.map(\.top) }
        if let terms = r.terms { s.rankedTerms = terms }
        if r.confidences.count == n { s.rankedConfidences = r.confidences }
        if s.cycle.termsAtStart.isEmpty { s.cycle.termsAtStart = currentTerms(s) }
        if var change = s.lastChange, change.flipped == 0 {
            change.flipped = r.flips
            s.lastChange = change
        }
        clampScroll(&s, visibleRows: s.pageSize)
    }

    /// Replaces the pending section with the ranking's order, less the messages decided since it
    /// was asked for, plus those that became pending since (at the head, in the order they changed).
    /// False when the ranking cannot be patched (the book's change log no longer reaches back).
    static func installPending(_ s: inout AppState, _ r: Ranking) -> Bool {
        let n = s.store.count
        guard s.queue.count == n, let changed = s.book.changes(since: r.bookVersion), var order = r.order.take() else {
            return false
        }
        let lead = changed.filter { s.book.status(of: $0) == .pending }
        // The common case: adopt the worker's order and places, patched for the few changes.
        if s.queue.adoptPending(&order, leaving: changed.filter { s.book.status(of: $0) != .pending }, leading: lead) {
            return true
        }
        var isLead = [Bool](repeating: false, count: lead.isEmpty ? 0 : n)
        for i in lead { isLead[i] = true }
        var rows: [Int32] = []
        rows.reserveCapacity(order.headLast.count + lead.count)
        s.book.status.withUnsafeBufferPointer { st in
            for i in order.headLast where Int(i) < n && st[Int(i)] == QueueBook.Status.pending.rawValue
                && (isLead.isEmpty || !isLead[Int(i)]) {
                rows.append(i)
            }
        }
        for i in lead.reversed() { rows.append(Int32(i)) }
        guard rows.count == s.book.counts[0] else { return false }
        if !s.queue.reorderPending(headLast: rows) { s.queue.replacePending(headLast: rows) }
        return true
    }

    /// Installs fresh verdicts for the first rows and re-orders those rows by them.
    static func applyHead(_ s: inout AppState, indices: [Int], scores: [Scored], generation: Int32) {
        let m = indices.count
        guard m == scores.count, m <= s.queue.count, s.scores.count == s.store.count else { return }
        let onHead = s.cursor == QueueFocus.head(s)
        QueueFocus.tally(&s, indices) { s in
            for (k, i) in indices.enumerated() where i < s.scores.count { s.scores[i] = scores[k] }
        }
        endFocusIfDone(&s)
        guard s.queue.pendingHead(m) == indices else { return }
        let keep = s.selected
        if s.strategy != .file {
            let sc = s.scores
            let sorted = indices.sorted { a, b in
                let pa = sc[a].priority, pb = sc[b].priority
                return pa != pb ? pa > pb : a < b
            }
            s.queue.reorderPendingHead(sorted)
        }
        // Only a decision or a skip moves the reader to the new head (as for small queues).
        placeCursorAfterRescore(&s, keep: keep, onHead: onHead)
    }

    /// Puts pending message `i` on the first row.
    static func moveToHead(_ s: inout AppState, _ i: Int) {
        guard s.queue.section(of: i) == .pending, let p = s.row(of: i), p > 0 else { return }
        s.queue.moveToHead(i, of: .pending)
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
