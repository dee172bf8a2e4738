import Testing
@testable import Terminal

@Suite("Screen buffer rendering")
struct ScreenBufferTests {
    let red = Style(fg: .red, attributes: [.bold])
    let blue = Style(fg: .blue, bg: .indexed(236))

    @Test("Text renders as literal lines, styles per cell")
    func plainText() throws {
        var b = ScreenBuffer(size: Size(width: 10, height: 3))
        b.put("Item 1", x: 3, y: 0, style: .plain)
        let n = b.put(">> Item 2", x: 0, y: 1, style: red)
        #expect(n == 9)
        #expect(b.lines == [
            "   Item 1 ",
            ">> Item 2 ",
            "          ",
        ])
        #expect(b[0, 1].style == red)
        #expect(b[8, 1].style == red)
        #expect(b[9, 1].style == .plain)
        #expect(b[3, 0].style == .plain)
    }

    @Test("A line mixing CJK, emoji and combining marks keeps its columns")
    func wideAndCombining() throws {
        var b = ScreenBuffer(size: Size(width: 16, height: 2))
        let n = b.put("漢字 e\u{301} 😀🇫🇷👩‍💻!", x: 0, y: 0, style: blue)
        #expect(n == 14)
        #expect(b.lines == [
            "漢字 e\u{301} 😀🇫🇷👩‍💻!  ",
            "                ",
        ])
        #expect(b[0, 0].grapheme == "漢")
        #expect(b[0, 0].width == 2)
        #expect(b[1, 0].isContinuation)
        #expect(b[5, 0].grapheme == "e\u{301}")
        #expect(b[7, 0].grapheme == "😀")
        #expect(b[8, 0].isContinuation)
        #expect(b[9, 0].grapheme == "🇫🇷")
        #expect(b[11, 0].grapheme == "👩‍💻")
        #expect(b[12, 0].isContinuation)
        #expect(b[13, 0].grapheme == "!")
        #expect(b[14, 0] == .blank())
        #expect(b[1, 0].style == blue, "continuations carry the style")
        #expect(b[15, 0].style == .plain)
    }

    @Test("Text is clipped to maxWidth and the right edge")
    func clipping() {
        var b = ScreenBuffer(size: Size(width: 8, height: 1))
        #expect(b.put("abcdefghij", x: 2, y: 0, style: .plain, maxWidth: 3) == 3)
        #expect(b.lines == ["  abc   "])
        var c = ScreenBuffer(size: Size(width: 8, height: 1))
        #expect(c.put("abcdefghij", x: 5, y: 0, style: .plain) == 3)
        #expect(c.lines == ["     abc"])
    }

    @Test("A wide character that would straddle the limit becomes a blank")
    func wideAtLimit() {
        var b = ScreenBuffer(size: Size(width: 5, height: 1))
        b.put("xxxxx", x: 0, y: 0, style: .plain)
        let n = b.put("a漢字", x: 0, y: 0, style: red, maxWidth: 4)
        #expect(n == 4)
        #expect(b.lines == ["a漢 x"])
        #expect(b[3, 0].style == red)
        var e = ScreenBuffer(size: Size(width: 3, height: 1))
        e.put("ab漢", x: 0, y: 0, style: .plain)
        #expect(e.lines == ["ab "])
    }

    @Test("Negative x clips on the left; a cut wide character leaves a blank")
    func negativeX() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("xxxxxx", x: 0, y: 0, style: .plain)
        #expect(b.put("漢字ab", x: -3, y: 0, style: .plain) == 6)
        #expect(b.lines == [" abxxx"])
        var c = ScreenBuffer(size: Size(width: 4, height: 1))
        #expect(c.put("hello", x: -2, y: 0, style: .plain) == 5)
        #expect(c.lines == ["llo "])
        #expect(c.put("z", x: Int.min, y: 0, style: .plain) == 1)
    }

    @Test("Writes outside the buffer do nothing")
    func outside() {
        var b = ScreenBuffer(size: Size(width: 4, height: 2))
        #expect(b.put("a", x: 0, y: -1, style: .plain) == 0)
        #expect(b.put("a", x: 0, y: 2, style: .plain) == 0)
        #expect(b.put("a", x: 4, y: 0, style: .plain) == 0)
        #expect(b.put("a", x: 0, y: 0, style: .plain, maxWidth: 0) == 0)
        #expect(b.put("a", x: 0, y: 0, style: .plain, maxWidth: -5) == 0)
        #expect(b.put("abc", x: 1, y: 1, style: .plain, maxWidth: Int.max) == 3)
        #expect(b.lines == ["    ", " abc"])
        #expect(b.cell(x: 4, y: 0) == nil)
        #expect(b.cell(x: -1, y: 0) == nil)
        #expect(b.cell(x: 1, y: 1)?.grapheme == "a")
        #expect(ScreenBuffer(size: Size(width: -2, height: -3)).cells.isEmpty)
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("漢字x", x: 0, y: 0, style: .plain)
        b.put("a", x: 1, y: 0, style: .plain)  // right half of 漢
        #expect(b.lines == [" a字x "])
        b.put("b", x: 2, y: 0, style: .plain)  // left half of 字
        #expect(b.lines == [" ab x "])
        #expect(b.cells.allSatisfy { !$0.isContinuation })
        var c = ScreenBuffer(size: Size(width: 6, height: 1))
        c.put("a漢字", x: 0, y: 0, style: .plain)
        c.put("字", x: 2, y: 0, style: .plain)  // straddles both wide characters
        #expect(c.lines == ["a 字  "])
    }

    @Test("Control characters show as a middle dot; a lone combining mark joins the previous grapheme")
    func controlsAndLoneMarks() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("a\tb\u{1B}", x: 0, y: 0, style: .plain)
        #expect(b.lines == ["a·b·  "])
        var c = ScreenBuffer(size: Size(width: 4, height: 1))
        c.put("\u{301}x", x: 0, y: 0, style: .plain)  // nothing before the mark: dropped
        #expect(c.lines == ["x   "])
        #expect(c[0, 0].grapheme == "x")
        var d = ScreenBuffer(size: Size(width: 2, height: 1))
        d.put("\t\u{301}", x: 0, y: 0, style: .plain)  // a control ends a cluster, so the mark stands alone
        #expect(d[0, 0].grapheme == "·\u{301}")
        #expect(d.lines == ["·\u{301} "])
    }

    @Test("putPadded fills the rest of the width in the style")
    func padded() {
        var b = ScreenBuffer(size: Size(width: 8, height: 1))
        b.putPadded("ab", x: 1, y: 0, width: 5, style: red)
        #expect(b.lines == [" ab     "])
        #expect(b[0, 0].style == .plain)
        #expect((1...5).allSatisfy { b[$0, 0].style == red })
        #expect(b[6, 0].style == .plain)
        #expect(b.line(0).hasPrefix(" ab"))
    }

    @Test("fill blanks a wide character cut by the rectangle's edge")
    func fillEdges() {
        var b = ScreenBuffer(size: Size(width: 6, height: 2))
        b.put("漢字漢", x: 0, y: 0, style: .plain)
        b.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: blue)
        #expect(b.lines[0] == "    漢")
        #expect(b[1, 0].style == blue)
        #expect(b[0, 0].style == .plain)
        b.fill(Rect(x: -5, y: -5, width: 100, height: 100), style: red)
        #expect(b.cells.allSatisfy { $0 == .blank(red) })
    }

    @Test("restyle keeps text and changes styles")
    func restyle() {
        var b = ScreenBuffer(size: Size(width: 4, height: 1))
        b.put("abcd", x: 0, y: 0, style: .plain)
        b.restyle(Rect(x: 1, y: 0, width: 2, height: 1)) { s in
            var s = s
            s.attributes.insert(.reverse)
            return s
        }
        #expect(b.lines == ["abcd"])
        #expect(b[0, 0].style.attributes.isEmpty)
        #expect(b[1, 0].style.attributes == [.reverse])
        #expect(b[2, 0].style.attributes == [.reverse])
        #expect(b[3, 0].style.attributes.isEmpty)
    }
}
