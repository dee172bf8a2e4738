import Core
import Engine
import Terminal

/// Suspected inconsistencies: past decisions a model trained without them would
/// label otherwise. The list on top; below it the decision under the cursor in
/// full, with the words that pull it towards the model's label and towards the
/// analyst's, so the analyst can judge which one is right.
enum ReviewView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        let items = s.insight?.review ?? []
        guard !items.isEmpty else {
            let inner = Box.draw(&b, r, title: "Review — no decisions the model doubts", active: true, theme: t)
            b.put(s.busy.isEmpty ? "Nothing to review: every decision agrees with a model trained without it." : "Checking decisions …",
                  x: inner.x, y: inner.y, style: t.style(.muted), maxWidth: inner.width)
            return
        }
        // The detail gets what the decision under the cursor needs; the list the rest (at least 3 rows).
        let detail = items[safe: s.reviewCursor].map { detailHeight(s, $0, width: r.width - 2) } ?? 0
        let listHeight = max(min(r.height, 5), min(items.count + 2, r.height - detail))
        let (top, rest) = r.splitTop(listHeight)
        drawList(&b, top, s, items)
        // The detail fills what is left, so a long message is read whole and nothing is left blank.
        if let it = items[safe: s.reviewCursor], rest.height > 2 { drawDetail(&b, rest, s, it) }
    }

    /// Rows of the detail box: the text (at most 6 rows), a rule, four lines, the neighbours, the border.
    static func detailHeight(_ s: AppState, _ it: InsightSummary.ReviewInfo, width: Int) -> Int {
        let text = min(6, max(1, StyledText(s.store.text(it.index)) { _ in s.theme.style(.text) }.wrapped(width: max(1, width)).count))
        return text + 1 + 4 + (it.neighbours.isEmpty ? 0 : 1 + it.neighbours.count) + 2
    }

    static func drawList(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, _ items: [InsightSummary.ReviewInfo]) {
        let t = s.theme
        let inner = Box.draw(&b, r, title: "Review — \(Text.count(items.count, "decision")) the model now doubts · \(s.reviewCursor + 1)/\(items.count)",
                             active: true, theme: t)
        let h = inner.height
        guard h > 0 else { return }
        let first = max(0, min(s.reviewCursor - h / 2, items.count - h))
        let labelWidth = min(24, s.journal.labels.active.map { DisplayWidth.of($0.name) }.max() ?? 12)
        // Short ids get a column; long ones (uuids) would only push the text out: the detail's title has them.
        let longest = items.map { DisplayWidth.of(s.store.displayID($0.index)) }.max() ?? 8
        let idWidth = longest <= 16 ? longest : 0
        for (k, it) in items.enumerated().dropFirst(first).prefix(h) {
            let y = inner.y + k - first
            let sel = k == s.reviewCursor
            let st = sel ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: st)
            var col = inner.x
            col += b.put(sel ? "▸ " : "  ", x: col, y: y, style: st)
            if idWidth > 0 {
                col += b.put(Text.fit(s.store.displayID(it.index), idWidth).padding(idWidth + 2), x: col, y: y, style: sel ? st : t.style(.muted),
                             maxWidth: inner.maxX - col)
            }
            col += b.put(Text.fit(it.given, labelWidth).padding(labelWidth), x: col, y: y, style: st, maxWidth: inner.maxX - col)
            col += b.put(" → ", x: col, y: y, style: st, maxWidth: inner.maxX - col)
            col += b.put(Text.fit(it.suggested, labelWidth).padding(labelWidth), x: col, y: y, style: st, maxWidth: inner.maxX - col)
            col += b.put(" \(Text.percent(it.confidence).padding(4))  ", x: col, y: y, style: st, maxWidth: inner.maxX - col)
            b.put(Text.oneLine(s.store.text(it.index)), x: col, y: y, style: sel ? st : t.style(.muted), maxWidth: inner.maxX - col)
        }
    }

    static func drawDetail(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, _ it: InsightSummary.ReviewInfo) {
        let t = s.theme
        let id = s.store.id(it.index)
        let by = s.journal.decisions[id].map { " · decided by \($0.actor)" } ?? ""
        let inner = Box.draw(&b, r, title: "Decision \(id)\(by)", active: false, theme: t)
        guard inner.height > 0, inner.width > 4 else { return }
        let text = s.store.text(it.index)
        // Why the model doubts it: the held-out model's own token contributions of its label
        // over the analyst's (the live model has learned this decision, so it would mostly agree).
        let live = s.model.examplesLearned > 0 ? s.model.predict(text) : .empty
        let reasons = it.reasons.isEmpty
            ? (s.model.examplesLearned > 0 ? s.model.explain(text, target: it.suggested, rival: it.given).map { $0.supporting(6) + $0.opposing(4) } ?? [] : [])
            : it.reasons
        let spans = reasons.map { ($0.range, $0.weight > 0 ? Role.supporting : Role.opposing) }
        let styled = StyledText(text) { off in
            for (range, role) in spans where range.contains(off) { return t.style(role) }
            return t.style(.text)
        }
        let footer = min(inner.height - 1, 5 + (it.neighbours.isEmpty ? 0 : 1 + it.neighbours.count))
        MessagePane.drawWrapped(&b, Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - footer), styled, theme: t)
        var y = inner.maxY - footer
        func row(_ parts: [(String, Role)]) {
            guard y < inner.maxY else { return }
            Text.putParts(&b, parts, x: inner.x, y: y, maxX: inner.maxX, theme: t)
            y += 1
        }
        func chip(_ label: String) -> (String, Role) { (" \(label) ", .chip(s.journal.labels.index(of: label) ?? 0)) }
        b.put(String(repeating: "─", count: inner.width), x: inner.x, y: y, style: t.style(.border))
        y += 1
        var verdict: [(String, Role)] = [("case   ", .muted), ("yours", .muted), chip(it.given),
                                         ("  trained without it, the model says", .muted), chip(it.suggested),
                                         (" \(Text.percent(it.confidence))", .warning)]
        if let top = live.top { verdict.append(("  · the live model: \(top) \(Text.percent(live.confidence))", .muted)) }
        row(verdict)
        let distinct = TokenContribution.byToken(reasons).sorted { abs($0.weight) > abs($1.weight) }
        let pro = distinct.filter { $0.weight > 0 }.prefix(5), con = distinct.filter { $0.weight < 0 }.prefix(4)
        // The words for each side on a line of their own: side by side the analyst's were cut off.
        row([("why    ", .muted), ("for \(it.suggested): ", .muted)]
            + (pro.isEmpty ? [("—", .muted)] : pro.map { ("+\($0.token) ", .supporting) }))
        row([("       ", .muted), ("for \(it.given): ", .muted)]
            + (con.isEmpty ? [("—", .muted)] : con.map { ("+\($0.token) ", .opposing) }))
        if !it.neighbours.isEmpty {
            row([("like   ", .muted), ("the labeled messages most like it (word similarity):", .muted)])
            for n in it.neighbours {
                let given = s.journal.decisions[s.store.id(n.messageIndex)]?.label ?? n.label
                row([("       ", .muted), (String(format: "%.2f ", n.similarity), .muted), chip(given),
                     (" " + Text.oneLine(s.store.text(n.messageIndex)), .text)])
            }
        }
        row([("do     ", .muted), ("Enter keeps “\(it.given)” · a digit or \(s.keyMap.hint(.pickLabel)) changes it · j/k next · either way the choice is journaled", .muted)])
    }
}

private extension String {
    /// Padded with spaces to `width` columns.
    func padding(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : self + String(repeating: " ", count: width - w)
    }
}
