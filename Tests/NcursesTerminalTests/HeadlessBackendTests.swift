import CNcursesw
import Terminal
import Testing
@testable import NcursesTerminal
#if canImport(Glibc)
import Glibc
#endif

extension NcursesGlobalState {
    /// ncurses running headless (output to /dev/null), cells read back from its
    /// window. ncurses state is global, so these tests run one at a time.
    @Suite("ncurses backend, headless")
    struct HeadlessBackendTests {
        func start(_ term: String = "xterm-256color", colors: ColorMode = .auto, width: Int32 = 30, height: Int32 = 6) throws -> NcursesBackend {
            let backend = try NcursesBackend.start(
                term: term, input: fopen("/dev/null", "r"), output: fopen("/dev/null", "w"), ownsFiles: true, colors: colors)
            resizeterm(height, width)
            _ = backend.poll(timeoutMs: 0)  // the KEY_RESIZE that resizeterm queues
            return backend
        }

        /// The character(s), attributes and pair ncurses holds at a cell.
        func cell(_ x: Int, _ y: Int) -> (text: String, attrs: attr_t, pair: Int32) {
            var cc = cchar_t()
            _ = mvwin_wch(dyad_stdscr(), Int32(y), Int32(x), &cc)
            var chars = [wchar_t](repeating: 0, count: 8)
            var attrs: attr_t = 0
            var shortPair: Int16 = 0
            var pair: Int32 = 0
            _ = getcchar(&cc, &chars, &attrs, &shortPair, &pair)
            let text = String(String.UnicodeScalarView(chars.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
            return (text, attrs & ~dyad_a_color_mask(), pair)
        }

        /// The text of row `y` as ncurses returns it.
        func row(_ y: Int) -> String {
            var buf = [wchar_t](repeating: 0, count: 256)
            let n = mvwinnwstr(dyad_stdscr(), Int32(y), 0, &buf, 255)
            guard n != ERR else { return "" }
            return String(String.UnicodeScalarView(buf.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        }

        func colors(ofPair pair: Int32) -> (Int32, Int32) {
            var fg: Int32 = 0, bg: Int32 = 0
            _ = extended_pair_content(pair, &fg, &bg)
            return (fg, bg)
        }

        func present(_ backend: NcursesBackend, _ build: (inout ScreenBuffer) -> Void) -> Screen {
            let screen = Screen(backend: backend)
            var frame = ScreenBuffer(size: backend.size)
            build(&frame)
            screen.present(frame)
            return screen
        }

        @Test("Size follows the terminal")
        func size() throws {
            let backend = try start(width: 40, height: 12)
            defer { backend.stop() }
            #expect(backend.size == Size(width: 40, height: 12))
        }

        @Test("Text with wide, emoji and combining characters lands in the right cells")
        func wideText() throws {
            let backend = try start()
            defer { backend.stop() }
            _ = present(backend) { f in
                f.put("Queue 漢字 e\u{301}😀!", x: 0, y: 1, style: .plain)
            }
            #expect(cell(0, 1).text == "Q")
            #expect(cell(6, 1).text == "漢")
            #expect(cell(8, 1).text == "字")
            #expect(cell(11, 1).text == "e\u{301}")
            #expect(cell(12, 1).text == "😀")
            #expect(cell(14, 1).text == "!")
            #expect(row(1).hasPrefix("Queue 漢字 e\u{301}😀!"))
        }

        @Test("Attributes and 256 colours reach ncurses; pairs are cached per colour combination")
        func styles() throws {
            let backend = try start()
            defer { backend.stop() }
            let warn = Style(fg: .indexed(208), bg: .indexed(236), attributes: [.bold, .underline])
            _ = present(backend) { f in
                f.put("warn", x: 0, y: 0, style: warn)
                f.put("sel", x: 0, y: 2, style: Style(attributes: .reverse))
                f.put("again", x: 0, y: 3, style: Style(fg: .indexed(208), bg: .indexed(236)))
            }
            let w = cell(0, 0)
            #expect(w.text == "w")
            #expect(w.attrs & dyad_a_bold() != 0)
            #expect(w.attrs & dyad_a_underline() != 0)
            #expect(w.attrs & dyad_a_reverse() == 0)
            #expect(colors(ofPair: w.pair) == (208, 236))
            let s = cell(0, 2)
            #expect(s.attrs & dyad_a_reverse() != 0)
            #expect(s.pair == 0)
            #expect(cell(0, 3).pair == w.pair)
            #expect(backend.palette.count == 1)
        }

        @Test("On an 8-colour terminal indexed colours fall back to the nearest basic colour")
        func eightColors() throws {
            let backend = try start("xterm")
            defer { backend.stop() }
            _ = present(backend) { f in f.put("x", x: 0, y: 0, style: Style(fg: .indexed(196), bg: .indexed(21))) }
            #expect(backend.palette.available == 8)
            #expect(colors(ofPair: cell(0, 0).pair) == (1, 4))
        }

        @Test("With colour off no pair is used, attributes stay")
        func noColor() throws {
            let backend = try start(colors: .none)
            defer { backend.stop() }
            _ = present(backend) { f in f.put("x", x: 0, y: 0, style: Style(fg: .red, bg: .blue, attributes: .bold)) }
            #expect(backend.palette.mode == .none)
            #expect(cell(0, 0).pair == 0)
            #expect(cell(0, 0).attrs & dyad_a_bold() != 0)
        }

        @Test("A later frame changes only what differs")
        func laterFrame() throws {
            let backend = try start()
            defer { backend.stop() }
            let screen = present(backend) { f in f.put("> one", x: 0, y: 0, style: .plain) }
            var next = ScreenBuffer(size: backend.size)
            next.put("> two", x: 0, y: 0, style: .plain)
            screen.present(next)
            #expect(screen.lastChangeCount == 3)
            #expect(row(0).hasPrefix("> two"))
        }

        @Test("Keys pushed back into ncurses come out decoded")
        func keys() throws {
            let backend = try start()
            defer { backend.stop() }
            _ = unget_wch(wchar_t(0x6A))
            #expect(backend.poll(timeoutMs: 0) == .key(.char("j")))
            _ = ungetch(KEY_UP)
            #expect(backend.poll(timeoutMs: 0) == .key(.up))
            _ = ungetch(dyad_key_f(5))
            #expect(backend.poll(timeoutMs: 0) == .key(.function(5)))
            _ = unget_wch(wchar_t(0x6F22))
            #expect(backend.poll(timeoutMs: 0) == .key(.char("漢")))
        }

        @Test("A resize is reported with the new size")
        func resize() throws {
            let backend = try start()
            defer { backend.stop() }
            resizeterm(15, 60)
            #expect(backend.poll(timeoutMs: 0) == .resize(Size(width: 60, height: 15)))
            #expect(backend.size == Size(width: 60, height: 15))
        }

        @Test("Closed input ends the loop instead of spinning")
        func endOfInput() throws {
            let backend = try start()
            defer { backend.stop() }
            #expect(backend.poll(timeoutMs: -1) == .endOfInput)
            let timed = (0..<3).map { _ in backend.poll(timeoutMs: 200) }
            #expect(timed.last == .endOfInput)
        }

        @Test("SIGTERM becomes an interrupt; stop restores the old handler and is idempotent")
        func signals() throws {
            var before = sigaction()
            sigaction(SIGTERM, nil, &before)
            let backend = try start()
            #expect(NcursesBackend.pendingSignal == nil)
            raise(SIGTERM)
            #expect(NcursesBackend.pendingSignal == SIGTERM)
            #expect(backend.poll(timeoutMs: 0) == .interrupt(SIGTERM))
            backend.stop()
            backend.stop()
            var after = sigaction()
            sigaction(SIGTERM, nil, &after)
            #expect(unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
            #expect(backend.poll(timeoutMs: 0) == .endOfInput)
        }
    }
}
