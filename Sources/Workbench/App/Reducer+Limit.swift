import Core

extension Reducer {
    /// `l`: clears the limit, or asks for the phrase to limit triage to. On an emerging term
    /// (Signals) or a lexicon term, limits triage to the messages containing that term; on a
    /// cluster, to its members.
    static func toggleLimit(_ s: inout AppState) -> [Effect] {
        if s.view == .clusters, let c = currentCluster(s) {
            let name = "cluster #\(c.id)" + (c.topTerms.first.map { " \($0)" } ?? "")
            s.view = .triage
            applyLimit(&s, QueueLimit.members(c.members, name: name, count: s.store.count))
            return []
        }
        guard s.view == .triage else {
            guard let term = termUnderCursor(s) else {
                s.flash = Flash(.info, "the limit narrows the triage queue — \(s.keyMap.hint(.triage)) goes there, or \(s.keyMap.hint(.limit)) on a cluster or on a term in signals or the lexicon")
                return []
            }
            s.view = .triage
            return setLimit(&s, term)
        }
        if let q = s.pendingLimit {
            s.pendingLimit = nil
            s.flash = Flash(.info, "limit to “\(q)” cancelled")
            return []
        }
        guard let l = s.limit else {
            s.mode = .limit("")
            s.flash = nil
            return []
        }
        s.limit = nil
        s.focusCount = QueueFocus.count(s)
        s.flash = Flash(.info, "limit to “\(l.query)” cleared — " + (s.focus.map { "the focus on \($0) again" } ?? "the whole queue again"))
        clampScroll(&s, visibleRows: s.pageSize)
        return []
    }

    /// Limits triage to the pending messages whose text or id contains `query` (with a label
    /// focus, to those the model also gives it), from the first of them. A large store is
    /// searched in the background (`.limit`); the matches arrive as `.limitFound`.
    static func setLimit(_ s: inout AppState, _ query: String) -> [Effect] {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        s.pendingLimit = q
        guard s.store.count <= s.syncLimitSize else {
            s.flash = Flash(.info, "limit: searching \(s.store.count) messages for “\(q)” …")
            return [.limit(q)]
        }
        applyLimit(&s, QueueLimit.find(q, in: s.store))
        return []
    }

    /// Puts a limit whose matches were found into force, or says why it cannot be.
    static func applyLimit(_ s: inout AppState, _ limit: QueueLimit) {
        s.pendingLimit = nil
        let q = limit.query
        let before = s.limit
        s.limit = limit
        s.focusCount = QueueFocus.count(s)
        guard s.focusCount > 0 else {
            s.limit = before
            s.focusCount = QueueFocus.count(s)
            let what = limit.total == 0 ? "no message matches “\(q)”" : "none of the \(limit.total) messages matching “\(q)” is pending"
                + (s.focus.map { " with the model's label \($0)" } ?? "")
            s.flash = Flash(.warning, what + " — nothing to limit to")
            return
        }
        s.cursor = QueueFocus.head(s)
        s.scroll = s.cursor
        s.shownAt = 0
        s.lastSearch = limit.highlight
        let n = s.focusCount
        s.flash = Flash(.info, "limit: \(n) pending of \(Text.count(limit.total, "message")) matching “\(q)”"
            + " — \(s.keyMap.hint(.focus)) splits them by model label, \(s.keyMap.hint(.limit)) shows all")
    }

    /// The term under the cursor of the Signals view (an emerging term) or the Lexicon view.
    static func termUnderCursor(_ s: AppState) -> String? {
        switch s.view {
        case .signals:
            if case .emerging(let e)? = SignalRow.rows(s.insight)[safe: s.signalsCursor] { return e.term }
            return nil
        case .lexicon:
            return LexiconRows.rows(s)[safe: s.lexiconCursor]?.term
        case .triage, .clusters, .review, .cycles:
            return nil
        }
    }
}
