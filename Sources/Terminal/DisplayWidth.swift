/// Display width of text in terminal columns, without any C library.
///
/// Combining marks, zero-width joiners and variation selectors take no
/// column; East Asian wide and fullwidth characters and emoji take two;
/// control characters are shown as one replacement column by the buffer.
/// A grapheme cluster is measured as a whole: an emoji ZWJ sequence
/// (`👩‍💻`), a flag (two regional indicators, `🇫🇷`), a skin-tone sequence
/// and a text emoji followed by U+FE0F each take two columns.
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster (0, 1 or 2).
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isRegionalIndicator(first.value) {
            // A flag is a pair of regional indicators; a lone one is narrow.
            return scalars.count(where: { isRegionalIndicator($0.value) }) >= 2 ? 2 : 1
        }
        let base = of(first)
        guard base == 1, scalars.count > 1, first.properties.isEmoji else { return base }
        // A text-default emoji becomes wide with the emoji presentation
        // selector, or when it starts a ZWJ sequence of emoji.
        var joined = false
        for s in scalars.dropFirst() {
            if s.value == 0xFE0F { return 2 }
            if s.value == 0x200D { joined = true } else if joined && s.properties.isEmoji { return 2 }
        }
        return base
    }

    /// Columns taken by a string.
    public static func of(_ s: String) -> Int {
        if let ascii = asciiWidth(s) { return ascii }
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    /// The width of an all-ASCII string (one column per byte, NUL none), or nil when it has other text.
    @inline(__always)
    public static func asciiWidth(_ s: String) -> Int? {
        var w = 0
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            if b != 0 { w += 1 }
        }
        return w
    }

    /// Columns taken by a single scalar, as `wcwidth` would say, except that
    /// control characters count as one (the buffer shows them as `·`).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 1 }
        if v < 0x300 { return 1 }  // Latin fast path (includes the soft hyphen, as glibc does)
        if isZeroWidth(v) { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// True for U+1F1E6…U+1F1FF, the letters that pair into flags.
    static func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }

    /// Hangul medial vowels and final consonants (they join the initial
    /// consonant's two columns), and the zero-width space.
    static func isZeroWidth(_ v: UInt32) -> Bool {
        (v >= 0x1160 && v <= 0x11FF) || (v >= 0xD7B0 && v <= 0xD7FF) || v == 0x200B
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15) other than emoji,
    /// which `isEmojiPresentation` covers.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {  // binary search over the sorted ranges
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5,
        0x2FF0...0x2FFF, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F,
        0x3131...0x318E, 0x3190...0x31E3, 0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4DC0...0x4DFF, 0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B,
        0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7,
        0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132,
        0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
