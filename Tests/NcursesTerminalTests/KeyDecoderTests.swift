import CNcursesw
import Terminal
import Testing
@testable import NcursesTerminal

@Suite("Key decoding")
struct KeyDecoderTests {
    func char(_ code: UInt32) -> InputEvent? {
        KeyDecoder.decode(status: OK, code: code) { Size(width: 1, height: 1) }
    }

    func special(_ code: Int32) -> InputEvent? {
        KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(bitPattern: code)) { Size(width: 80, height: 24) }
    }

    @Test("Printable characters, ASCII and beyond")
    func printable() {
        #expect(char(0x6A) == .key(.char("j")))
        #expect(char(0x3F) == .key(.char("?")))
        #expect(char(0x20) == .key(.char(" ")))
        #expect(char(0x6F22) == .key(.char("漢")))
        #expect(char(0x1F600) == .key(.char("😀")))
        #expect(char(0xE9) == .key(.char("é")))
    }

    @Test("Enter, Esc, Backspace and Tab in all their byte forms")
    func controlBytes() {
        #expect(char(13) == .key(.enter))
        #expect(char(10) == .key(.enter))
        #expect(char(27) == .key(.escape))
        #expect(char(127) == .key(.backspace))
        #expect(char(8) == .key(.backspace))
        #expect(char(9) == .key(.tab))
    }

    @Test("Ctrl-letters; Ctrl-C is an interrupt")
    func ctrl() {
        #expect(char(1) == .key(.ctrl("a")))
        #expect(char(4) == .key(.ctrl("d")))
        #expect(char(21) == .key(.ctrl("u")))
        #expect(char(26) == .key(.ctrl("z")))
        #expect(char(3) == .interrupt(SIGINT))
        #expect(char(0) == nil)
        #expect(char(0x1C) == nil)
    }

    @Test("Function keys from keypad mode")
    func functionKeys() {
        #expect(special(KEY_UP) == .key(.up))
        #expect(special(KEY_DOWN) == .key(.down))
        #expect(special(KEY_LEFT) == .key(.left))
        #expect(special(KEY_RIGHT) == .key(.right))
        #expect(special(KEY_HOME) == .key(.home))
        #expect(special(KEY_END) == .key(.end))
        #expect(special(KEY_PPAGE) == .key(.pageUp))
        #expect(special(KEY_NPAGE) == .key(.pageDown))
        #expect(special(KEY_DC) == .key(.delete))
        #expect(special(KEY_IC) == .key(.insert))
        #expect(special(KEY_BACKSPACE) == .key(.backspace))
        #expect(special(KEY_ENTER) == .key(.enter))
        #expect(special(KEY_BTAB) == .key(.backTab))
        #expect(special(dyad_key_f(1)) == .key(.function(1)))
        #expect(special(dyad_key_f(12)) == .key(.function(12)))
        #expect(special(dyad_key_f(13)) == nil)
        #expect(special(KEY_RESIZE) == .resize(Size(width: 80, height: 24)))
        #expect(KeyDecoder.decode(status: ERR, code: 65) { Size(width: 1, height: 1) } == nil)
    }
}
