import Terminal

/// What ncurses is given for one screen cell: one or more glyphs, each a
/// spacing character with up to four zero-width characters after it, whose
/// widths (as the C library's `wcwidth` reckons them) add up exactly to the
/// cell's width, so ncurses and the terminal agree on every column.
struct Glyph: Equatable {
    /// The spacing character, then its zero-width companions.
    var scalars: [UInt32]
    /// Columns the glyph takes by `wcwidth`.
    var width: Int

    /// The most characters one `cchar_t` holds (`CCHARW_MAX`).
    static let maxScalars = 5

    /// The glyphs for `cell`, measured with `wcwidth`.
    ///
    /// A flag becomes its two regional indicators (one column each); an
    /// emoji ZWJ sequence wider than the cell keeps its first member; a
    /// grapheme narrower than the cell (a text emoji with U+FE0F) is padded
    /// with a space and drops the selector; unprintable characters become `?`.
    static func glyphs(for cell: Cell, wcwidth: (UInt32) -> Int) -> [Glyph] {
        let target = Int(cell.width)
        var units: [Glyph] = []
        for s in cell.grapheme.unicodeScalars {
            let w = wcwidth(s.value)
            if w > 0 {
                units.append(Glyph(scalars: [s.value], width: w))
            } else if w == 0, !units.isEmpty {
                if units[units.count - 1].scalars.count < maxScalars { units[units.count - 1].scalars.append(s.value) }
            } else if w < 0 {
                units.append(Glyph(scalars: [0x3F], width: 1))
            }
        }
        var out: [Glyph] = []
        var used = 0
        for u in units where used + u.width <= target {
            out.append(u)
            used += u.width
        }
        if out.count < units.count, var last = out.popLast() {
            last.scalars.removeAll { $0 == 0x200D }  // a joiner with nothing after it
            out.append(last)
        }
        if used < target {
            for i in out.indices { out[i].scalars.removeAll { $0 == 0xFE0F } }
            out.append(contentsOf: Array(repeating: Glyph(scalars: [0x20], width: 1), count: target - used))
        }
        return out
    }
}
