import Core
import Engine
import Foundation
import Terminal

extension Reducer {
    /// Installs fresh scores, re-orders the queue, and records flips for the insight pane.
    static func applyScores(_ s: inout AppState, _ scores: [Scored], generation: Int32) {
        let keep = s.selected
        let onHead = s.cursor == QueueFocus.head(s)
        var flips = 0
        if s.scores.count == scores.count {
            for i in 0..<scores.count where s.scores[i].top >= 0 && s.scores[i].top != scores[i].top { flips += 1 }
        }
        s.scores = scores
        if s.cycle.topsAtStart.count != scores.count { s.cycle.topsAtStart = scores.map(\.top) }
        if s.cycle.termsAtStart.isEmpty { s.cycle.termsAtStart = currentTerms(s) }
        if var change = s.lastChange, change.flipped == 0 {
            change.flipped = flips
            s.lastChange = change
        }
        rebuildQueue(&s)
        recountFocus(&s)
        placeCursorAfterRescore(&s, keep: keep, onHead: onHead)
        clampScroll(&s, visibleRows: s.pageSize)
    }

    /// Where the cursor goes once fresh scores re-ordered the queue. After a decision or a
    /// skip it goes to the head (the next best message; under a focus, the first in focus).
    /// Otherwise (background consolidation, lexicon change, undo) the message on screen,
    /// `keep`, stays put: on the head (`onHead`, as it was before the re-order) it stays the
    /// head — also when a focus's model label no longer holds for it — elsewhere the cursor
    /// follows it; so a label key never lands on a message the analyst has not read.
    static func placeCursorAfterRescore(_ s: inout AppState, keep: Int?, onHead: Bool) {
        if s.advanceToHead {
            s.advanceToHead = false
            s.cursor = QueueFocus.head(s)
        } else if let k = keep {
            if onHead { keepOnHead(&s, k) }
            moveCursor(&s, toMessage: k)
        }
    }

    /// Puts pending message `i` on the first row, so a re-score does not swap the message being read.
    static func keepOnHead(_ s: inout AppState, _ i: Int) {
        guard s.state(of: i) == .new else { return }
        moveToHead(&s, i)
    }

    /// Orders the queue: pending by priority (ties by file order), then skipped, then labeled (latest first).
    /// With `sortPending` false, pending messages stay in file order (the first frame of a large queue, before scores).
    static func rebuildQueue(_ s: inout AppState, sortPending: Bool = true) {
        if s.book.status.count != s.store.count { s.book = QueueBook(store: s.store, journal: s.journal) }
        s.queue = QueueOrder.rows(book: s.book, scores: s.scores, strategy: s.strategy, sortPending: sortPending)
    }

    // MARK: Search

    static func searchKey(_ s: inout AppState, _ key: Key, query: String) -> [Effect] {
        switch key {
        case .escape:
            s.mode = .normal
            restoreSearchOrigin(&s)
        case .enter:
            s.mode = .normal
            s.lastSearch = query
            if !query.isEmpty, matches(s, s.selected, query) == false {
                s.flash = Flash(.warning, "no message contains “\(query)”")
                restoreSearchOrigin(&s)
            }
            s.searchOrigin = nil
        case .backspace:
            let q = String(query.dropLast())
            s.mode = .search(q)
            if !q.isEmpty { return findNext(&s, q, forward: true, from: s.cursor) }
        case .char(let c):
            let q = query + String(c)
            s.mode = .search(q)
            return findNext(&s, q, forward: true, from: s.cursor)
        default: break
        }
        return []
    }

    /// Puts the cursor back where `/` found it (incremental matches moved it on the way).
    static func restoreSearchOrigin(_ s: inout AppState) {
        guard let o = s.searchOrigin else { return }
        s.searchOrigin = nil
        s.cursor = o.cursor
        s.scroll = o.scroll
        clampScroll(&s, visibleRows: s.pageSize)
    }

    static func matches(_ s: AppState, _ i: Int?, _ q: String) -> Bool {
        guard let i, !q.isEmpty else { return false }
        return MessageSearch(q).matches(s.store, i)
    }

    /// Moves the cursor to the next (or previous) queued message containing `q`, wrapping around.
    /// Scans at most `syncSearchLimit` rows itself; the rest is left to a background `.search`.
    @discardableResult
    static func findNext(_ s: inout AppState, _ q: String, forward: Bool, from start: Int) -> [Effect] {
        guard !q.isEmpty, !s.queue.isEmpty else { return [] }
        let n = s.queue.count
        let (found, visited) = MessageSearch(q).scan(s.store, order: s.queue, from: start, forward: forward, limit: syncSearchLimit)
        if let k = found {
            s.cursor = k
            clampScroll(&s, visibleRows: s.pageSize)
            s.flash = Flash(.info, "match “\(q)” at row \(k + 1) of \(n)")
            return []
        }
        if visited < n {
            s.flash = Flash(.info, "searching \(n - visited) more messages for “\(q)” …")
            let next = forward ? start + visited : start - visited
            return [.search(SearchRequest(query: q, forward: forward, start: (next % n + n) % n, remaining: n - visited))]
        }
        s.flash = Flash(.warning, "no message contains “\(q)”")
        return []
    }

    // MARK: Term mode

    static func termKey(_ s: inout AppState, _ key: Key, index: Int) -> [Effect] {
        let words = TermWords.words(s)
        guard !words.isEmpty, let cmd = s.keyMap.command(for: key, among: KeyMap.termCommands) else {
            if key == .escape { s.mode = .normal }
            return []
        }
        let i = min(index, words.count - 1)
        switch cmd {
        case .termNext: s.mode = .term(index: (i + 1) % words.count)
        case .termPrevious: s.mode = .term(index: (i - 1 + words.count) % words.count)
        case .termBoost: s.mode = .boostLabel(term: words[i].token)
        case .termSuppress:
            // Still in term mode: several words are taught in one go (Esc leaves).
            let term = words[i].token
            let op: LexiconOp = s.journal.suppressedTerms.contains(term) ? .unsuppress : .suppress
            return [.append(.lexicon(LexiconChange(op: op, term: term, author: .human)))]
        case .help: s.mode = .help(scroll: 0)
        case .quit:
            s.quitting = true
            return [.quit]
        default: s.mode = .normal
        }
        return []
    }

    static func boostLabelKey(_ s: inout AppState, _ key: Key, term: String) -> [Effect] {
        var label: String?
        switch key {
        case .escape: s.mode = .normal
        case .enter: label = s.selected.flatMap { s.model.predict(s.store.text($0)).top }
        case .char(let c):
            if s.keyMap.keys(for: .pickLabel).contains(key) { return openLabelPick(&s, purpose: .boost(term: term)) }
            label = s.journal.labels.label(forKey: String(c))
        default: break
        }
        guard let label else { return [] }
        return boost(&s, term, for: label)
    }

    /// The journal event that boosts `term` for `label`; term mode goes on from that word.
    static func boost(_ s: inout AppState, _ term: String, for label: String) -> [Effect] {
        s.mode = .term(index: TermWords.words(s).firstIndex { $0.token == term } ?? 0)
        return boost(term, for: label)
    }

    /// The journal event that boosts `term` for `label`.
    static func boost(_ term: String, for label: String) -> [Effect] {
        [.append(.lexicon(LexiconChange(op: .boost, term: term, label: label, author: .human)))]
    }
}
