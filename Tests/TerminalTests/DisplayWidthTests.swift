import Testing
@testable import Terminal

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII and Latin take one column each")
    func narrow() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK, Hangul and fullwidth forms take two columns")
    func wide() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("カタカナ") == 8)
    }

    @Test("Combining marks add nothing to the base character")
    func combining() {
        let decomposed = "e\u{301}a\u{308}\u{304}"  // é and ǟ built from marks
        #expect(decomposed.count == 2)
        #expect(DisplayWidth.of(decomposed) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
    }

    @Test("Emoji: presentation, VS16, skin tones, ZWJ sequences, flags, keycaps", arguments: [
        ("😀", 2), ("❤️", 2), ("❤", 1), ("👍🏽", 2), ("👩‍💻", 2), ("👨‍👩‍👧‍👦", 2),
        ("🏳️‍🌈", 2), ("👁‍🗨", 2), ("🇫🇷", 2), ("🇯🇵", 2), ("1️⃣", 2), ("⭐", 2), ("🌡", 1),
    ])
    func emoji(text: String, width: Int) {
        #expect(text.count == 1, "one grapheme cluster")
        #expect(DisplayWidth.of(text) == width)
    }

    @Test("A lone regional indicator is narrow, a pair is one wide flag")
    func regionalIndicators() {
        let ri = "\u{1F1E6}"
        #expect(DisplayWidth.of(ri) == 1)
        #expect(DisplayWidth.of(ri + "\u{1F1E8}") == 2)
    }

    @Test("Zero-width characters take no column")
    func zeroWidth() {
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("a\u{200D}b") == 2)
        #expect(DisplayWidth.of("\u{FEFF}") == 0)
    }

    @Test("Control characters count one column (they are shown as ·)")
    func controls() {
        #expect(DisplayWidth.of("\t") == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)) == 1)
    }

    @Test("Hangul jamo: the initial is wide, vowels and finals join it")
    func jamo() {
        let syllable = "\u{1100}\u{1161}\u{11A8}"  // 각 spelled with conjoining jamo
        #expect(syllable.count == 1)
        #expect(DisplayWidth.of(syllable) == 2)
    }
}
