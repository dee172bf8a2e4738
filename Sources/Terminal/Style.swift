/// A terminal colour: the terminal's default, one of the 256 indexed colours.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// An indexed colour 0…255 (0…7 basic, 8…15 bright).
    case indexed(UInt8)

    /// Basic colour 0.
    public static let black = Color.indexed(0)
    /// Basic colour 1.
    public static let red = Color.indexed(1)
    /// Basic colour 2.
    public static let green = Color.indexed(2)
    /// Basic colour 3.
    public static let yellow = Color.indexed(3)
    /// Basic colour 4.
    public static let blue = Color.indexed(4)
    /// Basic colour 5.
    public static let magenta = Color.indexed(5)
    /// Basic colour 6.
    public static let cyan = Color.indexed(6)
    /// Basic colour 7.
    public static let white = Color.indexed(7)
}

/// Text attributes that can be combined.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    /// The bits of the set.
    public let rawValue: UInt8
    /// A set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold (bright) text.
    public static let bold = TextAttributes(rawValue: 1)
    /// Dim text.
    public static let dim = TextAttributes(rawValue: 2)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 4)
    /// Swapped foreground and background.
    public static let reverse = TextAttributes(rawValue: 8)
    /// Italic text (where the terminal has it).
    public static let italic = TextAttributes(rawValue: 16)
}

/// How a cell looks: foreground, background and attributes.
public struct Style: Sendable, Hashable {
    /// Foreground colour.
    public var fg: Color
    /// Background colour.
    public var bg: Color
    /// Bold, underline and the like.
    public var attributes: TextAttributes
    /// A style; by default the terminal's plain one.
    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
    /// The terminal's plain style.
    public static let plain = Style()
}
