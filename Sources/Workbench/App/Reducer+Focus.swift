import Core

extension Reducer {
    /// How the status line's note ends when a focus ended by itself.
    static let focusEndedSuffix = "focus cleared"

    /// `f`: clears the focus, or opens the picker to choose the model label to focus on.
    static func toggleFocus(_ s: inout AppState) -> [Effect] {
        guard let f = s.focus else {
            return openLabelPick(&s, purpose: .focus(counts: QueueFocus.countsByLabel(s)))
        }
        clearFocus(&s)
        s.flash = Flash(.info, "focus on \(f) cleared — the whole queue again")
        clampScroll(&s, visibleRows: s.pageSize)
        return []
    }

    /// `V`: under a focus, asks before giving the focused label to every message in focus that
    /// the queue pane shows — what the analyst has in front of them, nothing beyond the page.
    static func askToConfirmPage(_ s: inout AppState) {
        guard s.view == .triage else { return }
        guard let label = s.focus, let k = QueueFocus.labelIndex(s) else {
            s.flash = Flash(.info, "\(s.keyMap.hint(.confirmPage)) confirms a page of one model label: focus on it first (\(s.keyMap.hint(.focus)))")
            return
        }
        guard let f = QueueFocus.filter(s), f.label == k else { return }
        let shown = QueueFocus.visibleRows(s, from: s.scroll, limit: s.pageSize).map { s.queue[$0] }
            .filter { QueueFocus.holds(s, message: $0, f) }
        guard !shown.isEmpty else { return }
        s.mode = .confirmBulk(BulkAsk(label: label, messages: shown, origin: .focus, what: "shown"))
    }

    /// Narrows triage to the pending messages the model gives `label`, from the first of them.
    static func setFocus(_ s: inout AppState, _ label: String) {
        s.focus = label
        s.focusCount = QueueFocus.count(s)
        guard s.focusCount > 0 else {
            clearFocus(&s)
            let within = s.limit.map { " matching “\($0.query)”" } ?? ""
            s.flash = Flash(.warning, "the model gives no pending message\(within) “\(label)” — nothing to focus on")
            return
        }
        s.focusRecord = QueueFocus.record(s, label: label)
        s.cursor = QueueFocus.head(s)
        s.scroll = s.cursor
        s.shownAt = 0
        let n = s.focusCount
        let within = s.limit.map { " matching “\($0.query)”" } ?? ""
        s.flash = Flash(.info, "focus: \(Text.count(n, "pending message"))\(within) the model calls \(label) — \(s.keyMap.hint(.accept)) confirms, \(s.keyMap.hint(.focus)) shows all")
    }

    /// Counts the focus again over every message (after scores or many statuses changed);
    /// ends it when nothing is left in it.
    static func recountFocus(_ s: inout AppState) {
        guard QueueFocus.active(s) else { return }
        s.focusCount = QueueFocus.count(s)
        endFocusIfDone(&s)
    }

    /// Adds a decision to the focus's track record when the model had called it the focused label.
    static func noteFocusCall(_ s: inout AppState, _ d: LabelDecision) {
        guard let f = s.focus, d.predicted == f else { return }
        s.focusRecord.append(d.label == f)
        if s.focusRecord.count > QueueFocus.recordLength { s.focusRecord.removeFirst(s.focusRecord.count - QueueFocus.recordLength) }
    }

    /// No label focus any more: the whole queue again, or the limit alone.
    static func clearFocus(_ s: inout AppState) {
        s.focus = nil
        s.focusRecord = []
        s.focusCount = QueueFocus.count(s)
    }

    /// Ends the focus when no pending message is left in it, saying so after whatever the
    /// status line already says (a decision's "saved" stays).
    static func endFocusIfDone(_ s: inout AppState) {
        guard QueueFocus.active(s), s.focusCount <= 0 else { return }
        let what = [s.focus.map { "the model calls \($0)" }, s.limit.map { "matching “\($0.query)”" }].compactMap { $0 }.joined(separator: " and ")
        let label = s.focus
        clearFocus(&s)
        var done = "no pending message \(what) is left: \(focusEndedSuffix)"
        if s.focusCount <= 0 {
            s.limit = nil
            s.focusCount = 0
        } else if let l = s.limit {
            done = "\(label ?? "that label") done, \(s.focusCount) left with “\(l.query)”: label \(focusEndedSuffix)"
        }
        if var flash = s.flash, flash.kind == .saved {
            flash.ended = done
            s.flash = flash
        } else {
            s.flash = Flash(.info, done)
        }
    }
}
