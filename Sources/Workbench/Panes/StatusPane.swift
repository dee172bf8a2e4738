import Core
import Terminal

/// The bottom lines: label keys, then a prompt or the keys that matter now and the saved marker.
enum StatusPane {
    /// The label bar: `1 phishing  2 malware …`. Labels with a key come first, in key order;
    /// when they do not all fit, long names are shortened (not below 8 columns, or 6 in a
    /// compact bar) before any label with a key is left out, and what is left out is counted
    /// with the key that reaches it.
    static func drawLabels(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        b.fill(r, style: t.style(.status))
        let active = s.journal.labels.active
        guard !active.isEmpty else {
            b.put("no labels yet — L adds one", x: r.x + 1, y: r.y, style: t.style(.status))
            return
        }
        // Key order 1…9, 0; labels without a key last.
        let order = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]
        func rank(_ l: LabelInfo) -> Int { l.key.flatMap(order.firstIndex(of:)) ?? order.count }
        let shown = active.sorted { rank($0) < rank($1) }
        let plan = barPlan(shown.map { ($0.key ?? "·", $0.name) }, width: r.width - 1)
        var col = r.x + 1
        let pad = plan.compact ? "" : " "
        for (l, name) in zip(shown, plan.names) {
            col += b.put(l.key ?? "·", x: col, y: r.y, style: t.style(.statusKey), maxWidth: r.maxX - col)
            col += plan.compact ? 1 : 0
            col += b.put("\(pad)\(name)\(pad)", x: col, y: r.y, style: t.style(.chip(s.journal.labels.index(of: l.name) ?? 0)),
                         maxWidth: r.maxX - col)
            col += 1
        }
        if plan.names.count < shown.count {
            let rest = shown.count - plan.names.count, key = s.keyMap.hint(.pickLabel)
            b.put(plan.compact ? "+\(rest) (\(key))" : "+\(rest) more: \(key) picks", x: col, y: r.y, style: t.style(.statusKey),
                  maxWidth: r.maxX - col)
        }
    }

    /// What the label bar shows: the names, in order, and whether it is drawn compact (no
    /// padding inside the chips and a short `+N (p)` note).
    struct BarPlan: Equatable {
        var names: [String]
        var compact = false
    }

    /// The names the bar shows, in order (labels with a key first, `·` for none): all of them
    /// in full when they fit; else each cut to the widest cap (from the longest name down to
    /// 8 columns) under which every label with a key fits, leaving room for the `+N more`
    /// note; failing that, the same search drawn compact, down to 6 columns; failing that,
    /// the plan that shows the most labels.
    static func barPlan(_ labels: [(key: String, name: String)], width: Int) -> BarPlan {
        let longest = labels.map { DisplayWidth.of($0.name) }.max() ?? 0
        let keyed = labels.prefix { $0.key != "·" }.count
        var best = BarPlan(names: [])
        for compact in [false, true] {
            // A chip is `key name ` plus a gap (`key name` plus a gap when compact).
            func cost(_ key: String, _ name: String) -> Int { DisplayWidth.of(key) + DisplayWidth.of(name) + (compact ? 2 : 3) }
            if !compact, labels.reduce(0, { $0 + cost($1.key, $1.name) }) <= width { return BarPlan(names: labels.map(\.name)) }
            let note = compact ? 8 : 18
            let floor = compact ? 6 : 8
            for cap in stride(from: max(longest, floor), through: floor, by: -1) {
                var used = 0
                var names: [String] = []
                for (k, l) in labels.enumerated() {
                    let name = Text.fit(l.name, cap)
                    let c = cost(l.key, name)
                    let room = k == labels.count - 1 ? width : width - note
                    guard used + c <= room else { break }
                    used += c
                    names.append(name)
                }
                if names.count >= keyed { return BarPlan(names: names, compact: compact) }
                if names.count > best.names.count { best = BarPlan(names: names, compact: compact) }
            }
        }
        return best
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
        case .limit(let q): return "limit to messages containing: \(q)▏   (source:NAME for a source)  Enter limits, Esc cancels"
        case .addLabel(.name(let q)): return "new label name: \(q)▏   Enter next, Esc cancels"
        case let .addLabel(.key(name, k, cluster)):
            let adds = cluster.map { "Enter adds it and labels cluster \($0)" } ?? "Enter adds"
            return "key for \(name): \(k.isEmpty ? "none" : k)  (type a digit)   \(adds), Esc cancels"
        case let .nameClusterLabel(c, q): return "name for a new label from cluster \(c): \(q)▏   Enter next (its key), Esc cancels"
        case .term:
            // What the last b or z saved stays in sight: term mode goes on after each.
            let saved = s.flash.flatMap { $0.kind == .saved ? "✓ \($0.text)  " : nil } ?? ""
            return saved + "term mode: ←/→ move · b boost for a label · z suppress/lift · Esc leave"
        case .boostLabel(let term):
            return "boost “\(term)” for which label? its key, \(s.keyMap.hint(.pickLabel)) picks by name, Enter = the model's label, Esc cancels"
        case .pickLabel(let p):
            let target = switch p.purpose {
            case .assign: "label"
            case .boost(let term): "boost “\(term)” for"
            case .focus: "focus on"
            case .rival: "why not"
            }
            let chosen = p.chosen(in: s.journal.labels).map { "→ \($0.name)" } ?? "no match"
            let enter = switch p.purpose {
            case .focus: "Enter focuses"
            case .rival: "Enter explains against it"
            case .assign, .boost: "Enter assigns"
            }
            return "\(target): \(p.query)▏ \(chosen)   ↑↓ Tab choose, \(enter), Esc cancels"
        case let .confirmBulk(ask):
            return BulkPrompt.text(s, ask)
        case .help, .normal, .cycleReport: return nil
        }
    }

    /// The digits that give a label now: `1-7` with seven labels on 1…7, `1-0` when 0 has one.
    static func digitRange(_ s: AppState) -> String {
        let keys = Set(s.journal.labels.active.compactMap(\.key))
        if keys.contains("0") { return "1-0" }
        let top = (1...9).last { keys.contains(String($0)) } ?? 9
        return top == 1 ? "1" : "1-\(top)"
    }

    static func hints(_ s: AppState) -> [(String, String)] {
        let k = s.keyMap
        let digits = digitRange(s)
        if s.readOnly, s.view == .triage {
            // Nothing can be decided here: the keys that still work.
            return [("read-only", "another Dyad holds the workspace"), (k.hint(.search), "search"), (k.hint(.clusters), "clusters"),
                    (k.hint(.help), "help"), (k.hint(.quit), "quit")]
        }
        switch s.view {
        case .triage:
            let focus: [(String, String)] = s.focus == nil ? [(k.hint(.focus), "focus")]
                : [(k.hint(.confirmPage), "confirm page"), (k.hint(.focus), s.limit == nil ? "all" : "unfocus")]
            let limit: [(String, String)] = s.limit == nil ? [] : [(k.hint(.limit), "unlimit")]
            return [(digits, "label"), (k.hint(.pickLabel), "pick"), (k.hint(.accept), "accept"), (k.hint(.skip), "skip"), (k.hint(.undo), "undo")]
                + focus + limit + [(k.hint(.search), "search"), (k.hint(.termMode), "words"), (k.hint(.cycleStrategy), "order"),
                           (k.hint(.clusters), "clusters"), (k.hint(.help), "help"), (k.hint(.quit), "quit")]
        case .clusters:
            return [("Enter", "open"), (digits, "label cluster"), (k.hint(.pickLabel), "pick"), (k.hint(.labelFromCluster), "new label"),
                    (k.hint(.limit), "triage its messages"), (k.hint(.leave), "back"), (k.hint(.help), "help")]
        case .lexicon:
            return [(k.hint(.acceptSuggestion), "accept suggestion"), (k.hint(.rejectSuggestion), "reject/remove"),
                    (k.hint(.limit), "its messages"), (k.hint(.triage), "triage"), (k.hint(.help), "help")]
        case .review:
            return [("Enter", "keep label"), (digits, "change label"), (k.hint(.pickLabel), "pick"), (k.hint(.triage), "triage"), (k.hint(.help), "help")]
        case .cycles:
            return [(k.hint(.closeCycle), "close cycle"), (k.hint(.triage), "triage"), (k.hint(.help), "help")]
        case .signals:
            return [("j/k", "move"), ("Enter", "show in triage"), (digits, "label it (a term: all its messages)"), (k.hint(.pickLabel), "pick"),
                    (k.hint(.limit), "a term's messages"), (k.hint(.triage), "triage"), (k.hint(.help), "help")]
        }
    }
}
