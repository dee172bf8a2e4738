import Terminal

/// What the machine sees and what changed: the live side of the reciprocal loop.
enum InsightPane {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, active: Bool) {
        let t = s.theme
        let inner = Box.draw(&b, r, title: "Insight", active: active, theme: t)
        guard inner.height > 0, inner.width > 8 else { return }
        var rows: [[(String, Role)]] = []
        if let c = s.lastChange {
            var row: [(String, Role)] = [("last   ", .muted), (c.decision, .text)]
            if let a = c.agreed { row.append((a ? "  model agreed" : "  model had it wrong", a ? .confidenceHigh : .confidenceLow)) }
            if c.flipped > 0 { row.append(("  · \(c.flipped) queue predictions flipped", .muted)) }
            rows.append(row)
            if !c.movedTerms.isEmpty {
                var moved: [(String, Role)] = [("moved  ", .muted)]
                for m in c.movedTerms.prefix(4) {
                    moved.append(("\(m.term) \(m.delta >= 0 ? "▲" : "▼")\(String(format2(abs(m.delta)))) ", m.delta >= 0 ? .supporting : .opposing))
                    moved.append((" ", .text))
                }
                rows.append(moved)
            }
        } else {
            rows.append([("last   ", .muted), ("no decision yet — 1-9 labels, \(s.keyMap.hint(.pickLabel)) picks any label, Enter accepts the model's", .muted)])
        }
        let spark = Sparkline.rolling(s.agreement, window: 10, points: max(4, min(30, inner.width - 30)))
        if let a = s.recentAgreement() {
            rows.append([("agree  ", .muted), (Sparkline.render(spark), .confidenceHigh),
                         (min(20, s.agreement.count) == 1 ? " \(Text.percent(a)) of 1 decision" : " \(Text.percent(a)) of the last \(min(20, s.agreement.count)) decisions", .text)])
        } else {
            rows.append([("agree  ", .muted), ("—  (measured before each decision: honest learning curve)", .muted)])
        }
        let frac = Double(s.cycle.decisions.count) / Double(max(1, s.cycle.length))
        rows.append([("cycle  ", .muted), ("\(s.cycle.number) ", .text), (Sparkline.bar(frac, width: 12), .confidenceMid),
                     (" \(s.cycle.decisions.count)/\(s.cycle.length)  (C closes now, Y shows all)", .muted)])
        rows.append(labelsRow(s, width: inner.width))
        if let ins = s.insight {
            let fresh = ins.clusters.filter { $0.unlabeledShare >= 0.999 && $0.size >= 3 }
            if let c = fresh.first {
                rows.append([("sees   ", .muted), ("\(Text.count(fresh.count, "cluster")) with no labels: ", .warning),
                             (" " + c.topTerms.prefix(4).joined(separator: ", ") + " (\(c.size) msgs) — c to browse", .text)])
            }
            if !ins.emerging.isEmpty {
                rows.append([("new    ", .muted), ("emerging: ", .text),
                             (ins.emerging.prefix(4).map(\.term).joined(separator: ", "), .match),
                             (" — \(s.keyMap.hint(.signals)) to browse", .muted)])
            }
            let pending = LexiconRows.rows(s).filter(\.isSuggestion).count
            rows.append([("offers ", .muted), ("\(Text.count(pending, "lexicon suggestion")) (\(s.keyMap.hint(.lexicon))) · \(Text.count(ins.review.count, "decision")) to review (\(s.keyMap.hint(.review))) · \(Text.count(ins.anomalies.count, "anomaly", plural: "anomalies")) (\(s.keyMap.hint(.signals)))", .text)])
        } else {
            rows.append([("sees   ", .muted), ("clusters, emerging terms and review come after a few decisions", .muted)])
        }
        if let c = s.consolidatedAt {
            let online = max(0, s.journal.trainingCount - c)
            rows.append([("model  ", .muted), ("consolidated over \(Text.count(c, "label"))", .confidenceHigh),
                         (online > 0 ? " + \(Text.count(online, "online update"))" : " (current)", .muted)])
        } else if s.model.examplesLearned > 0 {
            rows.append([("model  ", .muted), ("online updates only", .muted)])
        }
        if !s.busy.isEmpty {
            rows.append([("busy   ", .muted), (s.busy.joined(separator: ", ") + " …", .warning)])
        }
        if !s.busy.isEmpty, rows.count > inner.height, inner.height > 1, let busy = rows.last {
            // Background work stays visible: the busy row takes the last line that fits.
            rows = Array(rows.prefix(inner.height - 1)) + [busy]
        }
        for (k, row) in rows.prefix(inner.height).enumerated() {
            Text.putParts(&b, row, x: inner.x, y: inner.y + k, maxX: inner.maxX, theme: t)
        }
    }

    static func format2(_ v: Double) -> String {
        let x = Int((v * 100).rounded())
        return "\(x / 100).\(x % 100 < 10 ? "0" : "")\(x % 100)"
    }

    /// The labels with their counts, in schema order when they fit; otherwise the most used
    /// first and the rest counted (`+3 more, 0–2 each`), so the row never ends mid-word.
    static func labelsRow(_ s: AppState, width: Int) -> [(String, Role)] {
        let counts = s.journal.labelCounts
        let active = s.journal.labels.active
        func chip(_ name: String) -> (String, Role) {
            (" \(name) \(counts[name] ?? 0) ", Role.chip(s.journal.labels.index(of: name) ?? 0))
        }
        var row: [(String, Role)] = [("labels ", .muted)]
        let full = 7 + active.reduce(0) { $0 + DisplayWidth.of(chip($1.name).0) + 1 }
        if full <= width {
            for l in active { row += [chip(l.name), (" ", .text)] }
            return row
        }
        let byUse = active.map(\.name).sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
        var used = 7
        // Most used first; a chip is shown when a note on the labels after it still fits (the first
        // always is), and the note names the rest, with their counts when there is room.
        func note(_ from: Int) -> String {
            let rest = byUse[from...].map { counts[$0] ?? 0 }
            return rest.isEmpty ? "" : "+\(rest.count) more, \(rest.min() ?? 0)–\(rest.max() ?? 0) each"
        }
        for (k, name) in byUse.enumerated() {
            let c = chip(name)
            guard k == 0 || used + DisplayWidth.of(c.0) + 1 + DisplayWidth.of(note(k + 1)) <= width else {
                let long = note(k)
                row.append((DisplayWidth.of(long) <= width - used ? long : "+\(byUse.count - k) more", .muted))
                break
            }
            row += [c, (" ", .text)]
            used += DisplayWidth.of(c.0) + 1
        }
        return row
    }
}
