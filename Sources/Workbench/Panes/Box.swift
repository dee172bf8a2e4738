import Terminal

/// Draws bordered boxes with a title, the frame every pane sits in.
enum Box {
    /// Draws a border around `r` with `title`; returns the inner rectangle.
    @discardableResult
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, title: String, active: Bool, theme: Theme) -> Rect {
        guard r.width >= 2, r.height >= 2 else { return Rect(x: r.x, y: r.y, width: 0, height: 0) }
        let st = theme.style(active ? .borderActive : .border)
        let horizontal = String(repeating: "─", count: r.width - 2)
        b.put("┌" + horizontal + "┐", x: r.x, y: r.y, style: st)
        b.put("└" + horizontal + "┘", x: r.x, y: r.maxY - 1, style: st)
        for y in (r.y + 1)..<(r.maxY - 1) {
            b.put("│", x: r.x, y: y, style: st)
            b.put("│", x: r.maxX - 1, y: y, style: st)
        }
        if !title.isEmpty {
            // A title too long for the border ends in `…`, so it is seen to be cut.
            b.put(" \(Text.fit(title, r.width - 6)) ", x: r.x + 2, y: r.y, style: theme.style(.title), maxWidth: r.width - 4)
        }
        return r.inset(1)
    }

    /// Draws an overlay's box at `r` over whatever `area` shows: the box and one column on
    /// each side of it (within `area`) are cleared first, so the panes' borders beneath never
    /// touch the overlay's side by side (no `┌┌` or `│┘` at its edges). The rows above and
    /// below are left alone: they are the header, the status lines or a pane's border.
    /// Returns the inner rectangle.
    @discardableResult
    static func overlay(_ b: inout ScreenBuffer, _ r: Rect, within area: Rect, title: String, theme: Theme) -> Rect {
        b.fill(Rect(x: r.x - 1, y: r.y, width: r.width + 2, height: r.height).intersection(area), style: theme.style(.text))
        return draw(&b, r, title: title, active: true, theme: theme)
    }
}

/// Small text helpers shared by panes.
enum Text {
    /// `s` cut to `width` columns with `…` when it does not fit.
    static func fit(_ s: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if let w = DisplayWidth.asciiWidth(s), !s.utf8.contains(0) {
            return w <= width ? s : String(decoding: s.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if DisplayWidth.of(s) <= width { return s }
        var out = ""
        var w = 0
        for ch in s {
            let cw = DisplayWidth.of(ch)
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    /// A shown message id (`MessageStore.displayID`) short enough for a status line or a
    /// narration: long ones (uuids) keep their first 18 columns.
    static func shortID(_ id: String) -> String { fit(id, 19) }

    /// A message's text as a short quoted one-line preview.
    static func quote(_ text: String, _ width: Int) -> String { "“" + fit(oneLine(text, max: 4 * width), width) + "”" }

    /// A one-line preview: whitespace runs collapsed.
    static func oneLine(_ s: String, max: Int = 400) -> String {
        do {
            // ASCII fast path: bytes, no grapheme breaking (falls through at the first other byte).
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Swift.min(max, s.utf8.count))
            var ascii = true, space = false, n = 0
            for b in s.utf8 {
                if b >= 0x80 { ascii = false; break }
                if n >= max { break }
                n += 1
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if !space { bytes.append(0x20) }
                    space = true
                } else {
                    bytes.append(b)
                    space = false
                }
            }
            if ascii { return String(decoding: bytes, as: UTF8.self) }
        }
        var out = ""
        var space = false
        for ch in s.prefix(max) {
            if ch.isWhitespace || ch.isNewline {
                if !space { out.append(" ") }
                space = true
            } else {
                out.append(ch)
                space = false
            }
        }
        return out
    }

    /// Puts a row of (text, role) parts from `x` on line `y`, each cut at `maxX`.
    static func putParts(_ b: inout ScreenBuffer, _ parts: [(String, Role)], x: Int, y: Int, maxX: Int, theme t: Theme) {
        var col = x
        for (text, role) in parts where col < maxX {
            col += b.put(text, x: col, y: y, style: t.style(role), maxWidth: maxX - col)
        }
    }

    /// The first of `variants` (rows of parts, longest first) that fits `width` columns, else the last.
    static func firstFitting(_ variants: [[(String, Role)]], width: Int) -> [(String, Role)] {
        variants.first { $0.reduce(0) { $0 + DisplayWidth.of($1.0) } <= width } ?? variants.last ?? []
    }

    /// A count with its noun, singular or plural: `1 decision`, `3 decisions`, `2 anomalies`.
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// `lines` fitted to `width` columns: a long list of `a · b · c` (or `a, b, c`) goes on in indented
    /// lines cut at its separators (so every label of a long per-label list is seen); other lines as they are.
    static func wrapLists(_ lines: [(String, Role)], width: Int) -> [(String, Role)] {
        var out: [(String, Role)] = []
        for (text, role) in lines {
            guard DisplayWidth.of(text) > width, let sep = [" · ", ", "].first(where: { text.contains($0) }) else {
                out.append((text, role))
                continue
            }
            let indent = String(repeating: " ", count: text.prefix { $0 == " " }.count + 2)
            var line = ""
            for (k, part) in text.components(separatedBy: sep).enumerated() {
                let piece = k == 0 ? part : sep + part
                if !line.isEmpty, DisplayWidth.of(line + piece) > width {
                    out.append((line, role))
                    line = indent + part
                } else {
                    line += piece
                }
            }
            if !line.isEmpty { out.append((line, role)) }
        }
        return out
    }

    /// Percentage text, e.g. `82%`.
    static func percent(_ v: Double) -> String { "\(Int((v * 100).rounded()))%" }
}
