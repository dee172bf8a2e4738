import Terminal

extension Reducer {
    /// Opens the label picker for `purpose`, in the views where a label can be given.
    static func openLabelPick(_ s: inout AppState, purpose: LabelPick.Purpose) -> [Effect] {
        guard !s.journal.labels.active.isEmpty else {
            s.flash = Flash(.warning, "no labels yet — \(s.keyMap.hint(.addLabel)) adds one")
            return []
        }
        switch purpose {
        case .focus, .rival:
            // Both read the model's verdicts: before it has one, there is nothing to pick from.
            guard s.model.examplesLearned > 0 else {
                s.flash = Flash(.warning, "the model has learned nothing yet — label a few messages first")
                return []
            }
        case .assign, .boost: break
        }
        switch (purpose, s.view) {
        case (.boost, _), (.assign, .triage), (.assign, .clusters), (.assign, .review), (.assign, .signals), (.focus, .triage), (.rival, .triage):
            var pick = LabelPick(purpose: purpose)
            // The focus picker starts on the label with the most pending messages, not on one with none.
            if case .focus(let counts) = purpose, let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
               best.value > 0, let row = pick.matches(in: s.journal.labels).firstIndex(where: { $0.name == best.key }) {
                pick.choice = row
            }
            // "Why not" starts on the analyst's own label where it differs, else the runner-up: asking
            // why not the model's own label is no question.
            if case .rival = purpose, let i = s.selected {
                let p = s.model.predict(s.store.text(i))
                let given = s.journal.decisions[s.store.id(i)]?.label
                let start = given.flatMap { $0 != p.top ? $0 : nil } ?? p.runnerUp
                if let start, let row = pick.matches(in: s.journal.labels).firstIndex(where: { $0.name == start }) { pick.choice = row }
            }
            s.mode = .pickLabel(pick)
            s.flash = nil
        case (.focus, _):
            s.flash = Flash(.info, "the focus narrows the triage queue — \(s.keyMap.hint(.triage)) goes there")
        case (.rival, _):
            s.flash = Flash(.info, "“why not” explains triage's message — \(s.keyMap.hint(.triage)) goes there")
        case (.assign, .lexicon), (.assign, .cycles):
            s.flash = Flash(.info, "labels are given in triage, clusters and review")
        }
        return []
    }

    /// A key in the label picker: typing filters, ↑/↓ and Tab/S-Tab move the
    /// highlight, Enter uses the highlighted label, Esc cancels.
    static func labelPickKey(_ s: inout AppState, _ key: Key, _ pick: LabelPick, at now: Double) -> [Effect] {
        var p = pick
        let count = p.matches(in: s.journal.labels).count
        switch key {
        case .escape:
            s.mode = .normal
            return []
        case .enter:
            guard let label = p.chosen(in: s.journal.labels)?.name else {
                s.flash = Flash(.warning, "no label matches “\(p.query)” — Backspace edits, Esc cancels")
                return []
            }
            s.mode = .normal
            switch p.purpose {
            case .assign: return assign(&s, label: label, at: now)
            case .boost(let term): return boost(&s, term, for: label)
            case .focus: setFocus(&s, label)
            case .rival: setRival(&s, label)
            }
            return []
        case .backspace:
            p.query = String(p.query.dropLast())
            p.choice = 0
        case .down, .tab:
            if count > 0 { p.choice = (p.choice + 1) % count }
        case .up, .backTab:
            if count > 0 { p.choice = (p.choice + count - 1) % count }
        case .char(let c):
            guard p.query.count < 100 else { return [] }
            p.query.append(c)
            p.choice = 0
        default:
            return []
        }
        s.flash = nil
        s.mode = .pickLabel(p)
        return []
    }
}
