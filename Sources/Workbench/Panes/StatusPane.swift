import Terminal

/// The bottom lines: label keys, then a prompt or the keys that matter now and the saved marker.
enum StatusPane {
    /// The label bar: `1 phishing  2 malware …`.
    static func drawLabels(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        b.fill(r, style: t.style(.status))
        var col = r.x + 1
        let active = s.journal.labels.active
        let pick = s.keyMap.hint(.pickLabel)
        for (k, l) in active.enumerated() {
            let width = DisplayWidth.of(l.key ?? "·") + DisplayWidth.of(l.name) + 3
            let rest = active.count - k
            // When the rest does not fit, say how many are left and how to reach them.
            if rest > 1 && col + width + 14 > r.maxX || col + width > r.maxX {
                b.put("+\(rest) more: \(pick) picks", x: col, y: r.y, style: t.style(.statusKey), maxWidth: r.maxX - col)
                break
            }
            col += b.put(l.key ?? "·", x: col, y: r.y, style: t.style(.statusKey), maxWidth: r.maxX - col)
            col += b.put(" \(l.name) ", x: col, y: r.y, style: t.style(.chip(s.journal.labels.index(of: l.name) ?? 0)), maxWidth: r.maxX - col)
            col += 1
        }
        if s.journal.labels.active.isEmpty {
            b.put("no labels yet — L adds one", x: col, y: r.y, style: t.style(.status))
        }
    }

    /// The status line.
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        b.fill(r, style: t.style(.status))
        if let prompt = prompt(s) {
            b.put(prompt, x: r.x + 1, y: r.y, style: t.style(.statusKey), maxWidth: r.width - 2)
            return
        }
        var col = r.x + 1
        if let f = s.flash {
            let role: Role = switch f.kind {
            case .saved: .saved
            case .warning: .warning
            case .error: .error
            case .info: .status
            }
            let mark = f.kind == .saved ? "✓ " : ""
            col += b.put(" \(mark)\(f.text) ", x: col, y: r.y, style: t.style(role), maxWidth: r.width - 2)
            col += 1
        }
        for (key, what) in fitted(hints(s), width: r.maxX - 1 - col) where col < r.maxX - 2 {
            col += b.put(key, x: col, y: r.y, style: t.style(.statusKey), maxWidth: r.maxX - col)
            col += b.put(" \(what)  ", x: col, y: r.y, style: t.style(.status), maxWidth: r.maxX - col)
        }
    }

    /// The hints that fit in `width` columns: the last two (help and quit, or
    /// the view's way back) always stay; from the ones before them the latest
    /// go first.
    static func fitted(_ hints: [(String, String)], width: Int) -> [(String, String)] {
        func total(_ h: [(String, String)]) -> Int { h.reduce(0) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 } }
        var h = hints
        while h.count > 2, total(h) > width { h.remove(at: h.count - 3) }
        return h
    }

    static func prompt(_ s: AppState) -> String? {
        switch s.mode {
        case .search(let q):
            let found = s.flash.map { $0.kind == .warning ? "   \($0.text)" : "" } ?? ""
            return "search: \(q)▏\(found)   Enter keeps, Esc cancels, n/N next/previous later"
        case .note(let q): return "note: \(q)▏   Enter saves, Esc cancels"
        case .addLabel(.name(let q)): return "new label name: \(q)▏   Enter next, Esc cancels"
        case let .addLabel(.key(name, k, cluster)):
            let adds = cluster.map { "Enter adds it and labels cluster \($0)" } ?? "Enter adds"
            return "key for \(name): \(k.isEmpty ? "none" : k)  (type a digit)   \(adds), Esc cancels"
        case let .nameClusterLabel(c, q): return "name for a new label from cluster \(c): \(q)▏   Enter next (its key), Esc cancels"
        case .term: return "term mode: ←/→ move · b boost for a label · z suppress/lift · Esc leave"
        case .boostLabel(let term):
            return "boost “\(term)” for which label? its key, \(s.keyMap.hint(.pickLabel)) picks by name, Enter = the model's label, Esc cancels"
        case .pickLabel(let p):
            let target = switch p.purpose {
            case .assign: "label"
            case .boost(let term): "boost “\(term)” for"
            }
            let chosen = p.chosen(in: s.journal.labels).map { "→ \($0.name)" } ?? "no match"
            return "\(target): \(p.query)▏ \(chosen)   ↑↓ Tab choose, Enter assigns, Esc cancels"
        case .help, .normal, .cycleReport: return nil
        }
    }

    static func hints(_ s: AppState) -> [(String, String)] {
        let k = s.keyMap
        let digits = s.journal.labels.active.contains { $0.key == "0" } ? "1-0" : "1-9"
        switch s.view {
        case .triage:
            return [(digits, "label"), (k.hint(.pickLabel), "pick"), (k.hint(.accept), "accept"), (k.hint(.skip), "skip"), (k.hint(.undo), "undo"),
                    (k.hint(.search), "search"), (k.hint(.termMode), "words"), (k.hint(.cycleStrategy), "order"),
                    (k.hint(.clusters), "clusters"), (k.hint(.help), "help"), (k.hint(.quit), "quit")]
        case .clusters:
            return [("Enter", "open"), (digits, "label cluster"), (k.hint(.pickLabel), "pick"), (k.hint(.labelFromCluster), "new label"),
                    (k.hint(.leave), "back"), (k.hint(.help), "help")]
        case .lexicon:
            return [(k.hint(.acceptSuggestion), "accept suggestion"), (k.hint(.rejectSuggestion), "reject/remove"),
                    (k.hint(.triage), "triage"), (k.hint(.help), "help")]
        case .review:
            return [("Enter", "keep label"), (digits, "change label"), (k.hint(.pickLabel), "pick"), (k.hint(.triage), "triage"), (k.hint(.help), "help")]
        case .cycles:
            return [(k.hint(.closeCycle), "close cycle"), (k.hint(.triage), "triage"), (k.hint(.help), "help")]
        }
    }
}
