import Terminal

/// The help overlay, generated from the key map. Two columns when the screen
/// is wide enough; scrolled by `scroll` rows when it is still too short.
enum HelpOverlay {
    /// Where each part of the overlay goes on a screen of `area`.
    struct Layout {
        var lines: [(String, String)]
        var box: Rect
        var columns: Int
        /// Index of the first line of the second column (`lines.count` with one column).
        var split: Int
        /// Rows the tallest column needs.
        var rows: Int
        /// Rows shown at once.
        var visible: Int
        /// The largest useful scroll offset.
        var maxScroll: Int { max(0, rows - visible) }
    }

    static func layout(_ s: AppState, _ area: Rect) -> Layout {
        var lines: [(String, String)] = []
        for g in s.keyMap.groups {
            lines.append(("", ""))
            lines.append((g.name, ""))
            for bind in g.bindings where !bind.keys.isEmpty {
                // A digit's line names the label it gives now, or says that it gives none yet.
                let slot = bind.command.labelSlot
                let named = slot.flatMap { s.journal.labels.label(forKey: Command.labelKey(slot: $0)) }
                let text = named.map { "label \($0)" }
                    ?? (slot != nil ? "no label yet (\(s.keyMap.hint(.addLabel)) adds one)" : bind.description)
                lines.append((bind.keys.map(\.name).joined(separator: " "), text))
            }
        }
        let w = min(area.width - 2, 124)
        // Two columns when there is room (the box's inner width is w − 2).
        let cols = w - 2 >= 110 ? 2 : 1
        let split = cols == 2 ? columnBreak(lines) : lines.count
        let rows = max(split, lines.count - split)
        let h = max(3, min(area.height - 2, rows + 3))
        let box = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        return Layout(lines: lines, box: box, columns: cols, split: split, rows: rows, visible: max(1, h - 2))
    }

    /// The largest scroll offset for a screen of `size`.
    static func maxScroll(_ s: AppState, _ size: Size) -> Int {
        layout(s, Rect(x: 0, y: 0, width: size.width, height: size.height)).maxScroll
    }

    static func draw(_ b: inout ScreenBuffer, _ area: Rect, _ s: AppState, scroll: Int) {
        let t = s.theme
        let l = layout(s, area)
        let top = max(0, min(scroll, l.maxScroll))
        let title = l.maxScroll == 0
            ? "Help — any key closes"
            : "Help — j/k, PgDn/PgUp scroll · any other key closes · rows \(top + 1)–\(min(l.rows, top + l.visible)) of \(l.rows)"
        let inner = Box.overlay(&b, l.box, within: area, title: title, theme: t)
        let colWidth = inner.width / l.columns
        for (k, line) in l.lines.enumerated() {
            let c = k < l.split ? 0 : 1, row = (k < l.split ? k : k - l.split) - top
            guard row >= 0, row < inner.height else { continue }
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
