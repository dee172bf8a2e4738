import Terminal

/// The queue: one row per message with its state, label chip, confidence and preview.
enum QueuePane {
    static let chipWidth = 10

    /// The label column's width in a row `width` wide: narrower on a narrow pane, so the text
    /// keeps half the row; none before the model has learned anything (every row would say `?`).
    static func chipColumn(_ s: AppState, width: Int) -> Int {
        guard s.model.examplesLearned > 0 || !s.journal.decisions.isEmpty else { return 0 }
        return width < 44 ? 7 : chipWidth
    }

    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, active: Bool) {
        let pending = s.queue.count - s.labeledCount
        let title = QueueFocus.active(s) ? focusTitle(s, width: r.width - 6) : "Queue \(s.cursor + 1)/\(s.queue.count) · \(pending) to go"
        let inner = Box.draw(&b, r, title: title, active: active, theme: s.theme)
        guard inner.height > 0, inner.width > 0 else { return }
        let query: String? = {
            if case .search(let q) = s.mode { return q }
            return s.lastSearch.isEmpty ? nil : s.lastSearch
        }()
        for (row, k) in QueueFocus.visibleRows(s, from: s.scroll, limit: inner.height).enumerated() {
            drawRow(&b, x: inner.x, y: inner.y + row, width: inner.width, s: s, index: s.queue[k], selected: k == s.cursor, query: query)
        }
    }

    /// "Focus discovery · 212 to go · 18/20 right", "Limit “mimikatz” · 31 to go", or both
    /// ("Focus discovery · “net” · 12 to go"); the label's name and the phrase are cut first
    /// when the pane is narrow.
    static func focusTitle(_ s: AppState, width: Int) -> String {
        let count = " · \(s.focusCount) to go"
        let record = QueueFocus.recordText(s, short: true).map { " · " + $0 } ?? ""
        // The model's record gives way first, then the label's name and the phrase are cut.
        let withRecord = title(s, tail: count + record, width: width)
        return DisplayWidth.of(withRecord) <= width || record.isEmpty ? withRecord : title(s, tail: count, width: width)
    }

    private static func title(_ s: AppState, tail: String, width: Int) -> String {
        let room = width - DisplayWidth.of(tail)
        switch (s.focus, s.limit?.query) {
        case let (label?, query?):
            let label = Text.fit(label, max(6, (room - 11) / 2))
            return "Focus " + label + " · “" + Text.fit(query, max(4, room - 11 - DisplayWidth.of(label))) + "”" + tail
        case (let label?, nil):
            return "Focus " + Text.fit(label, max(6, room - 6)) + tail
        case (nil, let query?):
            return "Limit “" + Text.fit(query, max(4, room - 8)) + "”" + tail
        case (nil, nil):
            return "Queue" + tail
        }
    }

    static func drawRow(_ b: inout ScreenBuffer, x: Int, y: Int, width: Int, s: AppState, index i: Int, selected: Bool, query: String?) {
        let t = s.theme
        let base = selected ? t.style(.selected) : t.style(.text)
        b.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
        var col = x
        let state = s.state(of: i)
        let markStyle: Style = {
            switch state {
            case .flagged: return t.style(.warning)
            case .labeled: return t.style(.confidenceHigh)
            default: return base
            }
        }()
        col += b.put(state.mark + " ", x: col, y: y, style: selected ? base : markStyle)
        let sc = s.scores.indices.contains(i) ? s.scores[i] : .unscored
        let labels = s.model.labels
        var chip = ""
        var chipStyle = t.style(.muted)
        switch state {
        case .labeled(let l), .flagged(let l):
            chip = l
            chipStyle = t.style(.chip(s.journal.labels.index(of: l) ?? 0))
        default:
            if let top = sc.topLabel(in: labels) {
                chip = top
                chipStyle = t.style(.chip(s.journal.labels.index(of: chip) ?? 0))
                chipStyle.attributes.insert(.dim)
            } else {
                chip = "?"
            }
        }
        let chipW = chipColumn(s, width: width)
        guard chipW > 0 else {
            // Nothing learned yet: no label column and no confidence, the text gets the row.
            let preview = Text.oneLine(s.store.text(i), max: width * 2), room = width - (col - x)
            guard room > 0 else { return }
            b.put(Text.fit(preview, room), x: col, y: y, style: base, maxWidth: room)
            if let q = query, !q.isEmpty {
                Highlight.matches(&b, text: Text.fit(preview, room), query: q, x: col, y: y, maxWidth: room, style: t.style(.match))
            }
            return
        }
        if col - x + chipW < width {
            b.putPadded(" " + Text.fit(chip, chipW - 1), x: col, y: y, width: chipW, style: chipStyle)
            col += chipW + 1
        }
        if sc.top >= 0, col - x + 6 < width {
            let conf = Double(sc.confidence)
            let role: Role = conf < 0.5 ? .confidenceLow : (conf < 0.8 ? .confidenceMid : .confidenceHigh)
            var cs = t.style(role)
            if selected { cs.bg = base.bg }
            b.put(Sparkline.render([conf]) + String(format3(conf)), x: col, y: y, style: cs)
            col += 6
        } else {
            col += 6
        }
        let preview = Text.oneLine(s.store.text(i), max: width * 2)
        let room = width - (col - x)
        guard room > 0 else { return }
        b.put(Text.fit(preview, room), x: col, y: y, style: base, maxWidth: room)
        if let q = query, !q.isEmpty {
            Highlight.matches(&b, text: Text.fit(preview, room), query: q, x: col, y: y, maxWidth: room, style: t.style(.match))
        }
    }

    /// Confidence as `82%` in 4 columns (`100` for certainty).
    static func format3(_ v: Double) -> String {
        let p = Int((v * 100).rounded())
        let s = p >= 100 ? "100" : "\(p)%"
        return String(repeating: " ", count: max(0, 4 - s.count)) + s
    }
}
