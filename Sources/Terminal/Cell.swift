/// One cell of the screen: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) occupies its cell and the next; the
/// next cell is then a `continuation` cell with an empty grapheme.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown; a single space for blank cells, empty for continuations.
    public var grapheme: String
    /// How the grapheme is drawn.
    public var style: Style
    /// Display width of the grapheme: 1, 2, or 0 for a continuation cell.
    public var width: UInt8

    /// A cell showing `grapheme` (one grapheme cluster) `width` columns wide.
    public init(_ grapheme: String = " ", style: Style = .plain, width: UInt8 = 1) {
        self.grapheme = grapheme
        self.style = style
        self.width = width
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", style: style, width: 1) }
    /// The right half of a wide grapheme.
    public static func continuation(_ style: Style) -> Cell { Cell("", style: style, width: 0) }
    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
