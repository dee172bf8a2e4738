import Foundation

/// A tmux `capture-pane -e` screen parsed into rows of characters, each with
/// the SGR style in force where it was drawn.
///
/// tmux emits style changes as differences from the previous cell and carries
/// them across lines, so the capture is parsed as one stream.
struct StyledScreen {
    /// One character cell's style, as set by SGR sequences.
    struct Style: Hashable, CustomStringConvertible {
        var fg = "default"
        var bg = "default"
        var bold = false
        var dim = false
        var italic = false
        var underline = false
        var reverse = false

        /// True when nothing is set.
        var isPlain: Bool { self == Style() }

        var description: String {
            var parts = ["fg=\(fg)", "bg=\(bg)"]
            if bold { parts.append("bold") }
            if dim { parts.append("dim") }
            if italic { parts.append("italic") }
            if underline { parts.append("underline") }
            if reverse { parts.append("reverse") }
            return parts.joined(separator: " ")
        }
    }

    /// A character and its style.
    struct Cell {
        var char: Character
        var style: Style
    }

    /// The rows, top to bottom.
    private(set) var rows: [[Cell]] = []

    init(_ capture: String) {
        var style = Style()
        var row: [Cell] = []
        let scalars = Array(capture.unicodeScalars)
        var i = 0
        var pending = String.UnicodeScalarView()
        func flush() {
            for ch in String(pending) { row.append(Cell(char: ch, style: style)) }
            pending = String.UnicodeScalarView()
        }
        while i < scalars.count {
            let u = scalars[i]
            if u == "\u{1B}" {
                flush()
                // CSI … final byte; only SGR (`m`) changes the style.
                if i + 1 < scalars.count, scalars[i + 1] == "[" {
                    var j = i + 2
                    var params = ""
                    while j < scalars.count, !(0x40...0x7E).contains(scalars[j].value) {
                        params.unicodeScalars.append(scalars[j])
                        j += 1
                    }
                    if j < scalars.count, scalars[j] == "m" { StyledScreen.apply(params, to: &style) }
                    i = j + 1
                } else {
                    i += 2
                }
                continue
            }
            if u == "\n" {
                flush()
                rows.append(row)
                row = []
            } else {
                pending.append(u)
            }
            i += 1
        }
        flush()
        if !row.isEmpty { rows.append(row) }
    }

    /// The whole screen as plain text, rows joined by newlines.
    var plain: String { rows.indices.map(text).joined(separator: "\n") }

    /// The plain text of row `y`.
    func text(_ y: Int) -> String { rows.indices.contains(y) ? String(rows[y].map(\.char)) : "" }

    /// Applies one SGR parameter list (`1;38;5;114`) to `style`.
    static func apply(_ params: String, to style: inout Style) {
        let p = params.isEmpty ? [0] : params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var k = 0
        func color() -> String {
            // 38;5;n or 38;2;r;g;b
            if k + 2 < p.count, p[k + 1] == 5 {
                defer { k += 2 }
                return "\(p[k + 2])"
            }
            if k + 4 < p.count, p[k + 1] == 2 {
                defer { k += 4 }
                return "#\(p[k + 2]),\(p[k + 3]),\(p[k + 4])"
            }
            return "?"
        }
        while k < p.count {
            let v = p[k]
            switch v {
            case 0: style = Style()
            case 1: style.bold = true
            case 2: style.dim = true
            case 3: style.italic = true
            case 4: style.underline = true
            case 7: style.reverse = true
            case 22: style.bold = false; style.dim = false
            case 23: style.italic = false
            case 24: style.underline = false
            case 27: style.reverse = false
            case 30...37: style.fg = "\(v - 30)"
            case 90...97: style.fg = "\(v - 90 + 8)"
            case 38: style.fg = color()
            case 39: style.fg = "default"
            case 40...47: style.bg = "\(v - 40)"
            case 100...107: style.bg = "\(v - 100 + 8)"
            case 48: style.bg = color()
            case 49: style.bg = "default"
            default: break
            }
            k += 1
        }
    }

    /// Maximal runs of consecutive cells for which `keep(position, cell)` holds, as text.
    static func runs(_ cells: [Cell], keep: (Int, Cell) -> Bool) -> [String] {
        var out: [String] = []
        var current = ""
        for (k, cell) in cells.enumerated() {
            if keep(k, cell) {
                current.append(cell.char)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
