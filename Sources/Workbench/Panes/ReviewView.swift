import Terminal

/// Suspected inconsistencies: past decisions a model trained without them would label otherwise.
enum ReviewView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        let items = s.insight?.review ?? []
        let inner = Box.draw(&b, r, title: "Review — \(items.count) decisions the model now doubts", active: true, theme: t)
        guard !items.isEmpty else {
            b.put(s.busy.isEmpty ? "Nothing to review: every decision agrees with a model trained without it." : "Checking decisions …",
                  x: inner.x, y: inner.y, style: t.style(.muted), maxWidth: inner.width)
            return
        }
        let h = inner.height - 3
        let top = max(0, min(s.reviewCursor - h / 2, items.count - h))
        for (k, it) in items.enumerated().dropFirst(top).prefix(max(0, h)) {
            let y = inner.y + k - top
            let sel = k == s.reviewCursor
            let st = sel ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: st)
            let head = "\(s.store.id(it.index))  yours: \(it.given) → model: \(it.suggested) \(Text.percent(it.confidence))  "
            let n = b.put(head, x: inner.x, y: y, style: st, maxWidth: inner.width)
            b.put(Text.oneLine(s.store.text(it.index)), x: inner.x + n, y: y, style: sel ? st : t.style(.muted), maxWidth: inner.width - n)
        }
        if let it = items[safe: s.reviewCursor] {
            b.put("Enter keeps “\(it.given)”, a digit changes it; either way the choice is journaled.", x: inner.x, y: inner.maxY - 1,
                  style: t.style(.muted), maxWidth: inner.width)
        }
    }
}
