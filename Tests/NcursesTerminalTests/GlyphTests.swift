import Terminal
import Testing
@testable import NcursesTerminal

@Suite("Glyphs sent to ncurses")
struct GlyphTests {
    /// glibc's answers for the characters used here.
    func wcwidth(_ v: UInt32) -> Int {
        switch v {
        case 0x301, 0x200D, 0xFE0F, 0x20E3: 0
        case 0x6F22, 0x1F600, 0x1F469, 0x1F4BB: 2
        case 0x7: -1
        default: 1
        }
    }

    func glyphs(_ g: String, width: UInt8) -> [[UInt32]] {
        Glyph.glyphs(for: Cell(g, width: width), wcwidth: wcwidth).map(\.scalars)
    }

    @Test("Plain, wide and combined graphemes are one glyph")
    func simple() {
        #expect(glyphs("a", width: 1) == [[0x61]])
        #expect(glyphs("漢", width: 2) == [[0x6F22]])
        #expect(glyphs("e\u{301}", width: 1) == [[0x65, 0x301]])
    }

    @Test("A flag is its two regional indicators, one column each")
    func flag() {
        #expect(glyphs("🇫🇷", width: 2) == [[0x1F1EB], [0x1F1F7]])
    }

    @Test("A ZWJ sequence keeps its first member, without the joiner")
    func zwj() {
        #expect(glyphs("👩‍💻", width: 2) == [[0x1F469]])
    }

    @Test("A text emoji with VS16 is padded to two columns and loses the selector")
    func padded() {
        #expect(glyphs("❤️", width: 2) == [[0x2764], [0x20]])
    }

    @Test("Unprintable characters become ?; too many marks are cut to fit a cchar_t")
    func odd() {
        #expect(glyphs("\u{7}", width: 1) == [[0x3F]])
        let marks = "e" + String(repeating: "\u{301}", count: 7)
        #expect(glyphs(marks, width: 1).first?.count == Glyph.maxScalars)
    }
}
