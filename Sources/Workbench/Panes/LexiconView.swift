import Terminal

/// The shared lexicon: label → terms with author and weight, plus machine suggestions.
enum LexiconView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        let rows = LexiconRows.rows(s)
        let inner = Box.draw(&b, r, title: "Lexicon — shared concept map (label → term · author · weight)", active: true, theme: t)
        guard !rows.isEmpty else {
            b.put("Empty. Boost words in term mode (t), or accept the machine's suggestions here once it has learned some.",
                  x: inner.x, y: inner.y, style: t.style(.muted), maxWidth: inner.width)
            return
        }
        let h = inner.height
        let top = max(0, min(s.lexiconCursor - h / 2, rows.count - h))
        func flags(_ row: LexiconRow) -> String { (row.suppressed ? " [suppressed]" : "") + (row.boosted ? " [boosted]" : "") }
        // Columns as wide as their widest entry (labels up to 22, terms up to 30), so the
        // author, weight and support fit on narrow screens.
        let labelWidth = min(22, rows.map { DisplayWidth.of($0.label ?? "(all labels)") }.max() ?? 12)
        let termWidth = min(30, rows.map { DisplayWidth.of($0.term + flags($0)) }.max() ?? 10)
        var lastLabel: String?? = .none
        for (k, row) in rows.enumerated().dropFirst(top).prefix(h) {
            let y = inner.y + k - top
            let sel = k == s.lexiconCursor
            let st = sel ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: st)
            let label = row.label ?? "(all labels)"
            if lastLabel != .some(row.label) || sel {
                b.put(" \(Text.fit(label, labelWidth)) ", x: inner.x, y: y,
                      style: t.style(.chip(row.label.flatMap { s.journal.labels.index(of: $0) } ?? 7)))
            }
            lastLabel = .some(row.label)
            var col = inner.x + labelWidth + 3
            b.put(row.term + flags(row), x: col, y: y, style: row.isSuggestion ? t.style(.muted) : st, maxWidth: termWidth)
            col += termWidth + 2
            let head = row.author + (row.weight.map { String(format: "  w %.2f", $0) } ?? "")
            // The support in full where it fits, else short ("in 2 of yours"), so the count is never cut.
            let support = row.support.map { n in
                let long = "  in \(n) of your \(row.label ?? "") messages"
                return DisplayWidth.of(head + long) <= inner.maxX - col ? long : "  in \(n) of yours"
            } ?? ""
            b.put(head + support, x: col, y: y,
                  style: row.isSuggestion ? t.style(.confidenceMid) : t.style(.muted), maxWidth: inner.maxX - col)
        }
    }
}
