import Core
import Foundation
import Terminal

/// All learning cycles side by side: how the machine and the analyst moved.
enum CyclesView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        let cycles = s.journal.cycles
        let selected = selectedIndex(s)
        // Below the curves and the table, the report of the cycle under the cursor (the latest unless moved).
        let detail = selected.map { Text.wrapLists(detailLines(s, cycles[$0]), width: r.width - 4) } ?? []
        let summary = summaryRows(s)
        // The table shows up to the whole history but leaves the detail at least 8 rows.
        let tableRows = max(1, min(cycles.count, max(3, r.height - 2 - summary.count - 2 - (detail.isEmpty ? 0 : min(detail.count + 2, 10)))))
        let topHeight = min(r.height, 2 + summary.count + 2 + tableRows)
        let (top, rest) = r.splitTop(detail.isEmpty || r.height - topHeight < 5 ? r.height : topHeight)
        let title = "Cycles — \(cycles.count) closed, cycle \(s.cycle.number) open (\(s.cycle.decisions.count)/\(s.cycle.length))"
            + (cycles.count > 1 ? " · j/k choose a cycle" : "")
        let inner = Box.draw(&b, top, title: title, active: true, theme: t)
        guard inner.height > 3 else { return }
        var y = inner.y
        for (text, role) in summary where y < inner.maxY {
            b.put(text, x: inner.x, y: y, style: t.style(role), maxWidth: inner.width)
            y += 1
        }
        y += 1
        let header = "  #  decisions  at once  agree  held-out F1  gold  flipped  s/dec  lexicon h/m  consistency  moved terms"
        b.put(header, x: inner.x, y: y, style: t.style(.title), maxWidth: inner.width)
        y += 1
        if cycles.isEmpty, y < inner.maxY {
            b.put("no cycle closed yet: one closes every \(s.cycle.length) decisions, or now with \(s.keyMap.hint(.closeCycle))",
                  x: inner.x + 1, y: y, style: t.style(.muted), maxWidth: inner.width - 1)
            return
        }
        let visible = max(0, inner.maxY - y)
        let sel = selected ?? 0
        let first = max(0, min(sel - visible / 2, cycles.count - visible))
        func pad(_ v: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - v.count)) + v }
        for (k, c) in cycles.enumerated().dropFirst(first).prefix(visible) {
            let lex = "\(c.lexiconChanges["human"] ?? 0)/\(c.lexiconChanges["machine"] ?? 0)"
            let marker: String = k == selected ? "▸" : " "
            let held: String = c.heldOutMacroF1.map { String(format: "%.3f", $0) } ?? "—"
            let gold: String = c.goldAccuracy.map { Text.percent($0) } ?? "—"
            let consistency: String = c.consistency.map { Text.percent($0) } ?? "—"
            var cells: [String] = [marker + pad(String(c.number), 2), pad(String(c.decisions), 10)]
            cells.append(pad(c.atOnce > 0 ? String(c.atOnce) : "—", 8))
            cells += [pad(Text.percent(c.agreement), 6), pad(held, 12), pad(gold, 5), pad(String(c.flipped), 8)]
            cells += [pad(String(format: "%.1f", c.msPerDecision / 1000), 6), pad(lex, 12), pad(consistency, 12)]
            cells.append(" " + c.movedTerms.prefix(4).joined(separator: " "))
            let line = cells.joined(separator: " ")
            let style = k == selected && cycles.count > 1 ? t.style(.selected) : t.style(.text)
            if k == selected && cycles.count > 1 { b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style) }
            b.put(line, x: inner.x, y: y, style: style, maxWidth: inner.width)
            y += 1
        }
        guard let i = selected, rest.height >= 5, top.height < r.height else { return }
        let d = Box.draw(&b, rest, title: "Cycle \(cycles[i].number) — how both sides moved", active: false, theme: t)
        for (k, line) in detail.prefix(d.height).enumerated() {
            b.put(line.0, x: d.x + 1, y: d.y + k, style: t.style(line.1), maxWidth: d.width - 2)
        }
    }

    /// The cycle under the cursor: `cyclesCursor`, or the latest when it is nil (or past the end).
    static func selectedIndex(_ s: AppState) -> Int? {
        let n = s.journal.cycles.count
        guard n > 0 else { return nil }
        return min(n - 1, max(0, s.cyclesCursor ?? n - 1))
    }

    /// The curves over all cycles: agreement, time per decision, held-out F1, weakest labels, gold accuracy.
    static func summaryRows(_ s: AppState) -> [(String, Role)] {
        let cycles = s.journal.cycles
        var rows: [(String, Role)] = []
        let agree = cycles.map(\.agreement)
        let times = cycles.map(\.msPerDecision)
        let maxT = max(1, times.max() ?? 1)
        rows.append(("model agreement  " + Sparkline.render(agree) + "   " + (agree.last.map { Text.percent($0) } ?? "—"), .confidenceHigh))
        rows.append(("time / decision  " + Sparkline.render(times.map { $0 / maxT }) + "   "
                     + (times.last.map { String(format: "%.1f s", $0 / 1000) } ?? "—"), .confidenceMid))
        let f1 = cycles.compactMap(\.heldOutMacroF1)
        if !f1.isEmpty { rows.append(("held-out F1      " + Sparkline.render(f1) + "   " + String(format: "%.3f", f1.last ?? 0), .title)) }
        if let last = cycles.last(where: { !$0.heldOutF1ByLabel.isEmpty }), let weak = CycleReportOverlay.weakest(last, count: 5) {
            rows.append(("weakest labels   " + weak + "   (held-out F1 at cycle \(last.number))", .warning))
        }
        let gold = cycles.compactMap(\.goldAccuracy)
        if !gold.isEmpty { rows.append(("gold accuracy    " + Sparkline.render(gold) + "   " + Text.percent(gold.last ?? 0), .supporting)) }
        return rows
    }

    /// The detail of cycle `m`: the cycle report's lines, then every label's held-out F1 and its change.
    static func detailLines(_ s: AppState, _ m: CycleMetrics) -> [(String, Role)] {
        var lines = CycleReportOverlay.lines(s, m)
        if let by = CycleReportOverlay.byLabel(s, m) {
            lines.append(("", .text))
            lines.append(("Held-out F1 by label, most improved first", .title))
            lines.append(("  " + by, .text))
        }
        return lines
    }
}
