/// An in-memory grid of cells that views draw into.
///
/// Every frame is drawn whole into a fresh buffer; `Screen` compares it
/// with the previous one and sends only the changed cells to the backend.
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    /// A buffer of blank cells.
    public init(size: Size, fill: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: .blank(fill), count: max(0, size.width * size.height))
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
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y] = .blank(style) } }
    }

    /// Changes the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ r: Rect, _ transform: (Style) -> Style) {
        let r = clip(r)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { self[x, y].style = transform(self[x, y].style) } }
    }

    /// Writes `text` at (`x`, `y`) in `style`, clipped to `maxWidth` columns
    /// (and the buffer). Returns the number of columns written.
    ///
    /// A wide grapheme that would straddle the limit is replaced by a blank;
    /// control characters are shown as `·`; zero-width graphemes attach to
    /// nothing and are dropped.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int = Int.max) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(size.width, x &+ max(0, min(maxWidth, Int.max - x)))
        var col = x
        for ch in text {
            if col >= limit { break }
            var g = String(ch)
            var w = DisplayWidth.of(ch)
            if let s = ch.unicodeScalars.first, s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0) {
                g = "·"
                w = 1
            }
            if w == 0 { continue }
            if col < 0 { col += w; continue }
            if w == 2 && col + 1 >= limit {
                self[col, y] = .blank(style)
                col += 1
                break
            }
            clearWideAt(col, y)
            self[col, y] = Cell(g, style: style, width: UInt8(w))
            if w == 2 {
                clearWideAt(col + 1, y)
                self[col + 1, y] = .continuation(style)
            }
            col += w
        }
        return max(0, col - x)
    }

    /// Draws `text` padded with blanks to exactly `width` columns.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width: Int, style: Style) {
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
