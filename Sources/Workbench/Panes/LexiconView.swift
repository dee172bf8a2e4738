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
        var lastLabel: String?? = .none
        for (k, row) in rows.enumerated().dropFirst(top).prefix(h) {
            let y = inner.y + k - top
            let sel = k == s.lexiconCursor
            let st = sel ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: st)
            var col = inner.x
            let label = row.label ?? "(all labels)"
            if lastLabel != .some(row.label) || sel {
                col += b.put(" \(Text.fit(label, 16)) ", x: col, y: y, style: t.style(.chip(row.label.flatMap { s.journal.labels.index(of: $0) } ?? 7)))
            } else {
                col += 18
            }
            lastLabel = .some(row.label)
            col = inner.x + 20
            let flags = (row.suppressed ? " [suppressed]" : "") + (row.boosted ? " [boosted]" : "")
            col += b.put(row.term + flags, x: col, y: y, style: row.isSuggestion ? t.style(.muted) : st, maxWidth: 30)
            col = inner.x + 52
            b.put(row.author + (row.weight.map { String(format: "  w %.2f", $0) } ?? "")
                  + (row.support.map { "  in \($0) of your \(row.label ?? "") messages" } ?? ""), x: col, y: y,
                  style: row.isSuggestion ? t.style(.confidenceMid) : t.style(.muted), maxWidth: inner.maxX - col)
        }
    }
}
