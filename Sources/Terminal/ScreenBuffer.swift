/// An in-memory grid of cells that views draw into.
///
/// Every frame is drawn whole into a fresh buffer; `Screen` compares it
/// with the previous one and sends only the changed cells to the backend.
public struct ScreenBuffer: Sendable, Equatable {
    /// Width and height in cells.
    public private(set) var size: Size
    /// The cells, row by row (`y * width + x`).
    public private(set) var cells: [Cell]

    /// A buffer of blank cells.
    public init(size: Size, fill: Style = .plain) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        self.cells = Array(repeating: .blank(fill), count: self.size.width * self.size.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    /// Fills a rectangle with blanks in `style`.
    public mutating func fill(_ r: Rect, style: Style) {
        let r = clip(r)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            clearWideAt(r.x, y)  // a wide grapheme cut by either edge is blanked whole
            clearWideAt(r.maxX - 1, y)
            for x in r.x..<r.maxX { self[x, y] = .blank(style) }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ r: Rect, _ transform: (Style) -> Style) {
        let r = clip(r)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y].style = transform(self[x, y].style) } }
    }

    /// Writes `text` at (`x`, `y`) in `style`, clipped to `maxWidth` columns
    /// (and the buffer). Returns the number of columns the text advanced
    /// from `x`, counting columns clipped away on the left.
    ///
    /// A wide grapheme that would straddle the right limit is replaced by a
    /// blank, and so is the visible half of one cut by the left edge;
    /// control characters are shown as `·`; a zero-width grapheme (a lone
    /// combining mark) joins the grapheme written just before it, or is
    /// dropped when there is none. A wide grapheme that is partly
    /// overwritten is blanked whole, so no half of it is left behind.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int = Int.max) -> Int {
        guard y >= 0, y < size.height, x < size.width, maxWidth > 0 else { return 0 }
        let (end, overflow) = x.addingReportingOverflow(maxWidth)
        let limit = overflow ? size.width : min(size.width, end)
        var col = x
        if DisplayWidth.asciiWidth(text) != nil {
            // One cell per byte: no grapheme breaking, no width tables.
            for b in text.utf8 {
                if col >= limit { break }
                if col < 0 {
                    col += 1
                    continue
                }
                clearWideAt(col, y)
                self[col, y] = Cell(ScreenBuffer.asciiCell[Int(b)], style: style, width: 1)
                col += 1
            }
            return col &- x
        }
        var lastWritten: Int?
        for ch in text {
            if col >= limit { break }
            var g = String(ch)
            var w = DisplayWidth.of(ch)
            if let s = ch.unicodeScalars.first, s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0) {
                g = "·"
                w = 1
            }
            if w == 0 {
                if let last = lastWritten { self[last, y].grapheme += g }
                continue
            }
            if col < 0 {
                for c in max(0, col)..<max(0, min(col + w, limit)) { setBlank(c, y, style) }
                col += w
                continue
            }
            if w == 2 && col + 1 >= limit {
                setBlank(col, y, style)
                col += 1
                break
            }
            clearWideAt(col, y)
            self[col, y] = Cell(g, style: style, width: UInt8(w))
            if w == 2 {
                clearWideAt(col + 1, y)
                self[col + 1, y] = .continuation(style)
            }
            lastWritten = col
            col += w
        }
        return col &- x
    }

    /// The grapheme shown for each ASCII byte (control characters as `·`).
    static let asciiCell: [String] = (0..<128).map { b in
        b < 0x20 || b == 0x7F ? "·" : String(UnicodeScalar(UInt8(b)))
    }

    /// The cell at (`x`, `y`), or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return self[x, y]
    }

    /// Draws `text` padded with blanks to exactly `width` columns.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, style: Style) {
        guard width > 0 else { return }
        let n = put(text, x: x, y: y, style: style, maxWidth: width)
        if n < width { fill(Rect(x: x + n, y: y, width: width - n, height: 1), style: style) }
    }

    /// The plain text of row `y`, continuation cells omitted.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<size.width where !self[x, y].isContinuation { s += self[x, y].grapheme }
        return s
    }

    /// All rows as plain text.
    public var lines: [String] { (0..<size.height).map { line($0) } }

    /// Puts one blank, first blanking any wide grapheme it would cut.
    private mutating func setBlank(_ x: Int, _ y: Int, _ style: Style) {
        clearWideAt(x, y)
        self[x, y] = .blank(style)
    }

    /// Keeps wide graphemes whole when one half is overwritten.
    private mutating func clearWideAt(_ x: Int, _ y: Int) {
        guard x >= 0, x < size.width else { return }
        let c = self[x, y]
        if c.isContinuation, x > 0 {
            self[x - 1, y] = .blank(self[x - 1, y].style)
        } else if c.width == 2, x + 1 < size.width {
            self[x + 1, y] = .blank(self[x + 1, y].style)
        }
    }

    private func clip(_ r: Rect) -> Rect {
        let x0 = max(0, r.x), y0 = max(0, r.y)
        let x1 = min(size.width, r.maxX), y1 = min(size.height, r.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
