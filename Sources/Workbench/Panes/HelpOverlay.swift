import Terminal

/// The help overlay, generated from the key map.
enum HelpOverlay {
    static func draw(_ b: inout ScreenBuffer, _ area: Rect, _ s: AppState) {
        let t = s.theme
        let groups = s.keyMap.groups
        var lines: [(String, String)] = []
        for g in groups {
            lines.append(("", ""))
            lines.append((g.name, ""))
            for bind in g.bindings where !bind.keys.isEmpty {
                lines.append((bind.keys.map(\.name).joined(separator: " "), bind.description))
            }
        }
        let w = min(area.width - 2, 124)
        // Two columns when there is room (the box's inner width is w − 2).
        let cols = w - 2 >= 110 ? 2 : 1
        let split = cols == 2 ? columnBreak(lines) : lines.count
        let h = min(area.height - 2, max(split, lines.count - split) + 3)
        let r = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        b.fill(r, style: t.style(.text))
        let inner = Box.draw(&b, r, title: "Help — any key closes", active: true, theme: t)
        let colWidth = inner.width / cols
        for (k, line) in lines.enumerated() {
            let c = k < split ? 0 : 1, row = k < split ? k : k - split
            guard row < inner.height else { continue }
            let x = inner.x + c * colWidth, y = inner.y + row
            if line.1.isEmpty {
                b.put(line.0, x: x, y: y, style: t.style(.title), maxWidth: colWidth - 1)
            } else {
                b.put(Text.fit(line.0, 12), x: x + 1, y: y, style: t.style(.statusKey), maxWidth: 12)
                b.put(line.1, x: x + 14, y: y, style: t.style(.text), maxWidth: colWidth - 15)
            }
        }
    }

    /// Where the second column starts: the group boundary (a blank line) that
    /// makes the taller column shortest, so no group is split across columns.
    static func columnBreak(_ lines: [(String, String)]) -> Int {
        var best = (lines.count + 1) / 2, tallest = Int.max
        for k in lines.indices where lines[k].0.isEmpty && lines[k].1.isEmpty {
            let h = max(k, lines.count - k)
            if h < tallest { (best, tallest) = (k, h) }
        }
        return best
    }
}
