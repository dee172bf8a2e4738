import Core
import Terminal

/// What the machine noticed that nobody asked about: terms whose recent frequency
/// jumped over their baseline (a new campaign, a new tool), and messages unlike
/// the rest. The list on the left; on the right the messages behind the row under
/// the cursor, each with its label (the analyst's, or the model's guess with `?`).
enum SignalsView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        let rows = SignalRow.rows(s.insight)
        guard !rows.isEmpty else {
            let inner = Box.draw(&b, r, title: "Signals", active: true, theme: t)
            let text = s.insight == nil || !s.busy.isEmpty ? "Looking for emerging terms and anomalies …"
                : "No emerging terms and no anomalies: recent messages look like earlier ones, and every message has company."
            b.put(text, x: inner.x, y: inner.y, style: t.style(.muted), maxWidth: inner.width)
            return
        }
        let (listArea, detailArea) = r.splitLeft(max(36, r.width * 40 / 100))
        let emerging = rows.filter { if case .emerging = $0 { true } else { false } }.count
        let inner = Box.draw(&b, listArea, title: "Signals — \(Text.count(emerging, "emerging term")) · \(Text.count(rows.count - emerging, "anomaly", plural: "anomalies"))",
                             active: true, theme: t)
        guard inner.height > 0 else { return }
        let cursor = max(0, min(s.signalsCursor, rows.count - 1))
        let first = max(0, min(cursor - inner.height / 2, rows.count - inner.height))
        for (k, row) in rows.enumerated().dropFirst(first).prefix(inner.height) {
            let y = inner.y + k - first
            let sel = k == cursor
            let st = sel ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: st)
            switch row {
            case .emerging(let e):
                let col = inner.x + b.put("new  ", x: inner.x, y: y, style: sel ? st : t.style(.warning), maxWidth: inner.width)
                let n = b.put(e.term, x: col, y: y, style: sel ? st : t.style(.match), maxWidth: inner.maxX - col)
                // The count first: a narrow list cuts the end of the row, and the count says more than the score.
                b.put("  \(e.messages.count) recent · G² \(String(format: "%.0f", e.score))",
                      x: col + n, y: y, style: sel ? st : t.style(.muted), maxWidth: inner.maxX - col - n)
            case .anomaly(let a):
                let col = inner.x + b.put("odd  ", x: inner.x, y: y, style: sel ? st : t.style(.opposing), maxWidth: inner.width)
                b.put(Text.oneLine(s.store.text(a.index)), x: col, y: y, style: st, maxWidth: inner.maxX - col)
            }
        }
        drawDetail(&b, detailArea, s, rows[cursor])
    }

    static func drawDetail(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, _ row: SignalRow) {
        let t = s.theme
        switch row {
        case .emerging(let e):
            let d = Box.draw(&b, r, title: "“\(e.term)” — its recent messages", active: false, theme: t)
            var y = d.y
            b.put("\(Text.count(e.messages.count, "recent message")), far more than before (G² \(String(format: "%.0f", e.score)))",
                  x: d.x, y: y, style: t.style(.muted), maxWidth: d.width)
            y += 1
            let l = s.keyMap.hint(.limit)
            let keys = ["Enter shows one · \(l) limits to them · a digit labels them (asks)",
                        "Enter shows one · \(l) limits · a digit labels all (asks)", "Enter · \(l) limit · digit labels all"]
            b.put(keys.first { DisplayWidth.of($0) <= d.width } ?? keys[keys.count - 1], x: d.x, y: y, style: t.style(.muted), maxWidth: d.width)
            y += 2
            for i in e.messages where y < d.maxY {
                memberRow(&b, d, y, s, i, highlight: e.term)
                y += 1
            }
        case .anomaly(let a):
            let d = Box.draw(&b, r, title: "Anomaly \(s.store.id(a.index))", active: false, theme: t)
            var y = d.y
            // The reason can name many rare terms: up to three lines of it.
            let why = StyledText("why: \(a.reason) (score \(String(format: "%.2f", a.score)))") { _ in t.style(.opposing) }
            let whyRows = min(3, max(1, why.wrapped(width: max(1, d.width)).count), max(0, d.maxY - y))
            MessagePane.drawWrapped(&b, Rect(x: d.x, y: y, width: d.width, height: whyRows), why, theme: t)
            y += whyRows
            let (label, guess) = LabelColumn.label(s, a.index)
            if let label {
                b.put(guess ? "model guesses \(label) — a digit or \(s.keyMap.hint(.pickLabel)) labels it here" : "labeled \(label)",
                      x: d.x, y: y, style: t.style(guess ? .muted : .chip(s.journal.labels.index(of: label) ?? 0)), maxWidth: d.width)
                y += 1
            }
            y += 1
            let styled = StyledText(s.store.text(a.index)) { _ in t.style(.text) }
            MessagePane.drawWrapped(&b, Rect(x: d.x, y: y, width: d.width, height: max(0, d.maxY - y)), styled, theme: t)
        }
    }

    /// One message of an emerging term: its label (or the model's guess) and its text.
    static func memberRow(_ b: inout ScreenBuffer, _ d: Rect, _ y: Int, _ s: AppState, _ i: Int, highlight: String) {
        let t = s.theme
        let width = min(16, max(6, d.width / 5))
        LabelColumn.draw(&b, x: d.x, y: y, width: width, s, i)
        let text = Text.oneLine(s.store.text(i), max: d.width * 2)
        let x = d.x + width + 1
        b.put(text, x: x, y: y, style: t.style(.text), maxWidth: d.maxX - x)
        Highlight.matches(&b, text: Text.fit(text, d.maxX - x), query: highlight, x: x, y: y, maxWidth: d.maxX - x, style: t.style(.match))
    }
}
