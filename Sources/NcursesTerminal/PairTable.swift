import CNcursesw
import Terminal

/// Colour pairs made on demand from styles, and attribute bits.
///
/// Pair numbers are cached per (foreground, background) after mapping to
/// what the terminal has; when the terminal runs out of pairs, further
/// combinations use the default pair.
final class PairTable {
    /// The mode after `.auto` was resolved against the terminal.
    let mode: ColorMode
    /// Colours the terminal has (0 in `.none` mode).
    let available: Int
    /// True when -1 (the terminal's own colours) may be used.
    let defaultColors: Bool
    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    private let maxPairs: Int32

    struct Key: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// Starts colour when `mode` is `.auto` and the terminal has colours.
    init(mode: ColorMode) {
        if mode == .auto, has_colors(), start_color() == OK {
            self.mode = .auto
            available = Int(dyad_colors())
            defaultColors = use_default_colors() == OK
            maxPairs = dyad_color_pairs()
        } else {
            self.mode = .none
            available = 0
            defaultColors = false
            maxPairs = 0
        }
    }

    /// The pair number for a style's colours (0, the default pair, in `.none` mode).
    func pair(for style: Style) -> Int32 {
        guard mode == .auto, style.fg != .default || style.bg != .default else { return 0 }
        var fg = ColorPalette.number(for: style.fg, available: available)
        var bg = ColorPalette.number(for: style.bg, available: available)
        if !defaultColors {
            if fg < 0 { fg = Int32(COLOR_WHITE) }
            if bg < 0 { bg = Int32(COLOR_BLACK) }
        }
        let key = Key(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        guard next < maxPairs, init_extended_pair(next, fg, bg) == OK else { return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }

    /// Number of pairs made so far.
    var count: Int { pairs.count }

    /// The ncurses attribute bits for a style's attributes.
    static func attributes(_ a: TextAttributes) -> attr_t {
        var bits = dyad_a_normal()
        if a.contains(.bold) { bits |= dyad_a_bold() }
        if a.contains(.dim) { bits |= dyad_a_dim() }
        if a.contains(.underline) { bits |= dyad_a_underline() }
        if a.contains(.reverse) { bits |= dyad_a_reverse() }
        if a.contains(.italic) { bits |= dyad_a_italic() }
        return bits
    }
}
