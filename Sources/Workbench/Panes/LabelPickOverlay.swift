import Core
import Terminal

/// The label picker's list: every label matching the typed query, the
/// highlighted one marked, each with its key and, in triage, the model's
/// probability for the message being read.
enum LabelPickOverlay {
    static func draw(_ b: inout ScreenBuffer, _ area: Rect, _ s: AppState, _ pick: LabelPick) {
        let t = s.theme
        let labels = s.journal.labels
        let matches = pick.matches(in: labels)
        let chosen = matches.isEmpty ? -1 : max(0, min(pick.choice, matches.count - 1))
        var probability: [String: Double] = [:]
        if pick.purpose == .assign || pick.purpose == .rival, s.view == .triage, let i = s.selected, s.model.examplesLearned > 0 {
            let p = s.model.predict(s.store.text(i))
            for (k, l) in p.labels.enumerated() { probability[l] = p.probabilities[k] }
        }
        var pending: [String: Int]?
        if case .focus(let counts) = pick.purpose { pending = counts }
        let nameWidth = min(40, (labels.active.map { DisplayWidth.of($0.name) }.max() ?? 10))
        let w = min(area.width - 2, max(pending == nil ? 34 : 40, nameWidth + (pending == nil ? 16 : 24)))
        let rows = max(1, matches.count)
        // Between the header and the two status lines, however short the screen.
        let h = min(area.height - 4, rows + 2)
        guard h >= 3 else { return }
        // Above the two status lines, at the left, where the eye already is.
        let r = Rect(x: area.x + 2, y: area.maxY - 3 - h, width: w, height: h)
        let focusing = s.limit.map { "Focus within “\(Text.fit($0.query, 16))”" } ?? "Focus on a model label"
        let what = pending != nil ? focusing : (pick.purpose == .rival ? "Why not …?" : "Pick a label")
        let title = "\(what) · \(matches.count) of \(labels.active.count)"
        let inner = Box.overlay(&b, r, within: area, title: title, theme: t)
        if matches.isEmpty {
            b.put("no label matches “\(pick.query)”", x: inner.x + 1, y: inner.y, style: t.style(.warning), maxWidth: inner.width - 1)
            return
        }
        // Keep the highlighted row visible when the list is longer than the box.
        let first = max(0, min(chosen - inner.height + 1, matches.count - inner.height))
        for row in 0..<min(inner.height, matches.count - first) {
            let k = first + row
            let l = matches[k]
            let y = inner.y + row
            let selected = k == chosen
            let style = selected ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            var col = inner.x
            col += b.put(selected ? "▸ " : "  ", x: col, y: y, style: style)
            col += b.put(Text.fit(l.key ?? "", 2), x: col, y: y, style: selected ? style : t.style(.statusKey), maxWidth: 2)
            col += 1
            let chip = selected ? style : t.style(.chip(labels.index(of: l.name) ?? 0))
            // At the right: the pending count (focus) or the model's probability (triage).
            let note: String? = if let pending { "\(pending[l.name] ?? 0) pending" } else { probability[l.name].map(Text.percent) }
            let noteWidth = note.map { DisplayWidth.of($0) + 2 } ?? 0
            b.put(Text.fit(l.name, min(nameWidth, inner.maxX - col - noteWidth)), x: col, y: y, style: chip, maxWidth: inner.maxX - col)
            if let note {
                b.put(note, x: inner.maxX - DisplayWidth.of(note) - 1, y: y, style: selected ? style : t.style(.muted))
            }
        }
    }
}
