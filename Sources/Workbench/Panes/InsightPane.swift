import Terminal

/// What the machine sees and what changed: the live side of the reciprocal loop.
enum InsightPane {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, active: Bool) {
        let t = s.theme
        let inner = Box.draw(&b, r, title: "Insight", active: active, theme: t)
        guard inner.height > 0, inner.width > 8 else { return }
        var rows: [[(String, Role)]] = []
        let w = inner.width
        if let c = s.lastChange {
            rows.append(lastRow(c, width: w))
            if !c.movedTerms.isEmpty {
                // As many moved terms as fit whole.
                rows.append(Text.firstFitting((1...min(4, c.movedTerms.count)).reversed().map { k in
                    var moved: [(String, Role)] = [("moved  ", .muted)]
                    for m in c.movedTerms.prefix(k) {
                        moved.append(("\(m.term) \(m.delta >= 0 ? "▲" : "▼")\(String(format2(abs(m.delta)))) ", m.delta >= 0 ? .supporting : .opposing))
                        moved.append((" ", .text))
                    }
                    return moved
                }, width: w))
            }
        } else {
            let pick = s.keyMap.hint(.pickLabel)
            rows.append(Text.firstFitting([
                [("last   ", .muted), ("no decision yet — \(StatusPane.digitRange(s)) labels, \(pick) picks any label, Enter accepts the model's", .muted)],
                [("last   ", .muted), ("no decision yet — \(StatusPane.digitRange(s)) labels, \(pick) picks, Enter accepts", .muted)],
                [("last   ", .muted), ("no decision yet", .muted)],
            ], width: w))
        }
        let spark = Sparkline.rolling(s.agreement, window: 10, points: max(4, min(30, w - 30)))
        if let a = s.recentAgreement() {
            let n = min(20, s.agreement.count)
            rows.append([("agree  ", .muted), (Sparkline.render(spark), .confidenceHigh),
                         (n == 1 ? " \(Text.percent(a)) of 1 decision" : " \(Text.percent(a)) of the last \(n) decisions", .text)])
        } else {
            rows.append(Text.firstFitting([
                [("agree  ", .muted), ("—  (measured before each decision: honest learning curve)", .muted)],
                [("agree  ", .muted), ("—  (measured before each decision)", .muted)],
            ], width: w))
        }
        let frac = Double(s.cycle.decisions.count) / Double(max(1, s.cycle.length))
        let cycle: [(String, Role)] = [("cycle  ", .muted), ("\(s.cycle.number) ", .text), (Sparkline.bar(frac, width: 12), .confidenceMid),
                                       (" \(s.cycle.decisions.count)/\(s.cycle.length)", .muted)]
        let (close, all) = (s.keyMap.hint(.closeCycle), s.keyMap.hint(.cycles))
        rows.append(Text.firstFitting([cycle + [("  (\(close) closes now, \(all) shows all)", .muted)],
                                       cycle + [("  (\(close) closes now)", .muted)], cycle], width: w))
        rows.append(labelsRow(s, width: w))
        if let ins = s.insight {
            let fresh = ins.clusters.filter { $0.unlabeledShare >= 0.999 && $0.size >= 3 }
            if let c = fresh.first {
                rows.append(seesRow(c, clusters: fresh.count, browse: s.keyMap.hint(.clusters), width: w))
            }
            if !ins.emerging.isEmpty {
                // As many terms as fit whole, with the key that browses them while it fits.
                let browse = " — \(s.keyMap.hint(.signals)) to browse"
                let counts = (1...min(4, ins.emerging.count)).reversed()
                let rowsOf: (Bool) -> [[(String, Role)]] = { withKey in
                    counts.map { k in
                        [("new    ", .muted), ("emerging: ", .text), (ins.emerging.prefix(k).map(\.term).joined(separator: ", "), .match)]
                            + (withKey ? [(browse, .muted)] : [])
                    }
                }
                rows.append(Text.firstFitting(rowsOf(true) + rowsOf(false), width: w))
            }
            let pending = LexiconRows.rows(s).filter(\.isSuggestion).count
            let (x, r, e) = (s.keyMap.hint(.lexicon), s.keyMap.hint(.review), s.keyMap.hint(.signals))
            let anomalies = Text.count(ins.anomalies.count, "anomaly", plural: "anomalies")
            rows.append(Text.firstFitting([
                "\(Text.count(pending, "lexicon suggestion")) (\(x)) · \(Text.count(ins.review.count, "decision")) to review (\(r)) · \(anomalies) (\(e))",
                "\(Text.count(pending, "suggestion")) (\(x)) · \(ins.review.count) to review (\(r)) · \(anomalies) (\(e))",
                "\(pending) terms \(x) · \(ins.review.count) to review \(r) · \(ins.anomalies.count) odd \(e)",
                "\(x) \(pending) · \(r) \(ins.review.count) · \(e) \(ins.anomalies.count)",
            ].map { [("offers ", .muted), ($0, .text)] }, width: w))
        } else {
            rows.append(Text.firstFitting([
                [("sees   ", .muted), ("clusters, emerging terms and review come after a few decisions", .muted)],
                [("sees   ", .muted), ("clusters and review come after a few decisions", .muted)],
            ], width: w))
        }
        if let c = s.consolidatedAt {
            let online = max(0, s.journal.trainingCount - c)
            rows.append([("model  ", .muted), ("consolidated over \(Text.count(c, "decision"))", .confidenceHigh),
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

    /// The last decision, whether the model agreed, and how many queue predictions it flipped:
    /// the quote of the message gives way first (down to 24 columns), then the flip count
    /// shortens and goes, then "model" goes from the verdict.
    static func lastRow(_ c: ChangeSummary, width: Int) -> [(String, Role)] {
        let verdicts: [[(String, Role)]] = c.agreed.map { a in
            a ? [[("  model agreed", .confidenceHigh)], [("  agreed", .confidenceHigh)]]
              : [[("  model had it wrong", .confidenceLow)], [("  model wrong", .confidenceLow)], [("  wrong", .confidenceLow)]]
        } ?? [[]]
        let flips: [[(String, Role)]] = c.flipped > 0
            ? [[("  · \(Text.count(c.flipped, "queue prediction")) flipped", .muted)], [("  · \(c.flipped) flipped", .muted)], []] : [[]]
        let room = width - 7
        let wanted = min(DisplayWidth.of(c.decision), 24)
        let tails = verdicts.prefix(1).flatMap { v in flips.map { v + $0 } } + verdicts.dropFirst()
        let tail = tails.first { wanted + $0.reduce(0) { $0 + DisplayWidth.of($1.0) } <= room } ?? tails.last ?? []
        let left = room - tail.reduce(0) { $0 + DisplayWidth.of($1.0) }
        return [("last   ", .muted), (quoteFitted(c.decision, left), .text)] + tail
    }

    /// `decision` (`label ← “quote”`) cut to `width` columns inside its closing quote mark.
    static func quoteFitted(_ decision: String, _ width: Int) -> String {
        guard DisplayWidth.of(decision) > width else { return decision }
        guard decision.hasSuffix("”"), width > 2 else { return Text.fit(decision, width) }
        return Text.fit(String(decision.dropLast()), width - 1) + "”"
    }

    /// The first cluster no label reaches: as many of its top terms as fit with its size and
    /// the key that browses it (the key hint goes first when even one term does not fit).
    static func seesRow(_ c: InsightSummary.ClusterInfo, clusters: Int, browse: String, width: Int) -> [(String, Role)] {
        let size = " (\(c.size) msgs)", hint = " — \(browse) to browse"
        // At least two of the first cluster's terms, then the longer wording of the count.
        for (head, least) in [("\(Text.count(clusters, "cluster")) with no labels: ", 2), ("\(clusters) unlabeled clusters: ", 1)] {
            let room = width - 7 - DisplayWidth.of(head)
            for k in stride(from: min(4, c.topTerms.count), through: min(least, c.topTerms.count), by: -1) {
                let terms = c.topTerms.prefix(k).joined(separator: ", ")
                for tail in [size + hint, size] where DisplayWidth.of(terms + tail) <= room {
                    return [("sees   ", .muted), (head, .warning), (terms + tail, .text)]
                }
            }
        }
        let head = "\(clusters) unlabeled clusters: "
        return [("sees   ", .muted), (head, .warning), (Text.fit(c.topTerms.first ?? "", max(0, width - 7 - DisplayWidth.of(head))), .text)]
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
