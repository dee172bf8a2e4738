/// A terminal colour: the terminal's default, one of the 256 indexed colours.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// An indexed colour 0…255 (0…7 basic, 8…15 bright).
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)
}

/// Text attributes that can be combined.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

/// How a cell looks: foreground, background and attributes.
public struct Style: Sendable, Hashable {
    public var fg: Color
    public var bg: Color
    public var attributes: TextAttributes
    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
    /// The terminal's plain style.
    public static let plain = Style()
}
