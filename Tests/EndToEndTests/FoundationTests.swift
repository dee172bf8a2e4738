import Foundation
import Testing
import TestSupport

/// The real `dyad triage` in a real terminal (tmux): the foundation of issue 2.
/// tmux is required: a missing tmux fails these tests loudly. Each session's
/// tmux server ends when the test's `TmuxSession` goes away.
@Suite("End to end: the workbench shell in tmux", .serialized)
struct FoundationTests {
    /// The default theme's background for the selected line (Themes/default.yaml).
    static let selectedBackground = 238

    @Test("Start-up draws the header, all three panes and the status line, in colour, full-screen")
    func startup() throws {
        let s = try Triage.started()
        let screen = try s.capture()
        let lines = Triage.lines(screen)
        #expect(lines.first?.hasPrefix(" Dyad ") == true, "header: \(lines.first ?? "")")
        let status = lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(status.contains("help") && status.contains("quit"), "status line: \(status)")
        #expect(try s.displayFlags() == "1 0", "alternate screen on, cursor hidden")
        #expect(!Triage.colourCodes(in: try s.capture(escapes: true)).isEmpty, "colours are drawn by default")
    }

    @Test("j and Down move the selection one row down, k moves it back")
    func navigation() throws {
        let s = try Triage.started()
        let bg = Self.selectedBackground
        let first = try #require(Triage.rows(withBackground: bg, in: try s.capture(escapes: true)).first)
        try s.send(keys: "j")
        try s.waitUntil("selection on row \(first + 1)", escapes: true) { Triage.rows(withBackground: bg, in: $0).first == first + 1 }
        try s.send(keys: "Down")
        try s.waitUntil("selection on row \(first + 2)", escapes: true) { Triage.rows(withBackground: bg, in: $0).first == first + 2 }
        try s.send(keys: "k")
        try s.waitUntil("selection back on row \(first + 1)", escapes: true) { Triage.rows(withBackground: bg, in: $0).first == first + 1 }
    }

    @Test("? shows the help overlay generated from the key map; q quits with status 0")
    func help() throws {
        let s = try Triage.started()
        try s.send(keys: "?")
        let screen = try s.waitFor("Help")
        #expect(screen.contains("quit"))
        #expect(screen.contains("help"))
        try s.send(keys: "Escape")
        try s.waitUntil("the help overlay to close") { !$0.contains("Help") }
        try s.send(keys: "q")
        #expect(try s.exitStatus(timeout: 10) == 0)
        #expect(try s.displayFlags() == "0 1", "main screen back, cursor visible")
    }

    @Test("Resizing to 60×15 and back redraws the whole layout at each size")
    func resize() throws {
        let s = try Triage.started()
        try s.resize(width: 60, height: 15)
        let small = try s.waitUntil("a 60×15 layout") { screen in
            let lines = Triage.lines(screen)
            return lines.count == 15 && screen.contains("Queue") && screen.contains("Insight") && lines.first?.hasPrefix(" Dyad ") == true
        }
        #expect(Triage.lines(small).allSatisfy { $0.count <= 60 })
        try s.resize(width: 100, height: 30)
        try s.waitUntil("a 100×30 layout") { screen in
            let lines = Triage.lines(screen)
            return lines.count == 30 && screen.contains("Queue") && screen.contains("Message") && screen.contains("Insight")
        }
    }

    @Test("Below 50×12 the screen says it is too small, and recovers when enlarged")
    func tooSmall() throws {
        let s = try Triage.started()
        try s.resize(width: 30, height: 8)
        // The whole notice: a capture can land between the lines of one redraw.
        let screen = try s.waitUntil("the whole too-small notice") { $0.contains("Terminal too small") && $0.contains("have 30×8") }
        #expect(screen.contains("need 50×12"))
        #expect(!screen.contains("Insight"))
        // Keys behind the notice do nothing: no unseen message is labeled, no view opens.
        try s.type("1")
        try s.send(keys: "c")
        try s.resize(width: 80, height: 24)
        let back = try Triage.waitForPanes(s)
        #expect(!back.contains("too small"))
        #expect(back.contains(" 0/") && back.contains("labeled") && back.contains("Queue"), "\(back)")
    }

    @Test("Ctrl-C exits with status 130 and the terminal restored (main screen, cursor, echo)")
    func ctrlC() throws {
        let s = try Triage.started()
        try s.send(keys: "C-c")
        #expect(try s.exitStatus(timeout: 10) == 130)
        #expect(try s.displayFlags() == "0 1")
        try s.type("echo-is-on")  // typed while the wrapper sleeps: shown only if the tty echoes
        try s.waitFor("echo-is-on")
    }

    @Test("TERM=dumb exits 2 with a one-line message and leaves the terminal alone")
    func dumbTerminal() throws {
        let s = try Triage.launch(env: ["TERM": "dumb"])
        #expect(try s.exitStatus(timeout: 10) == 2)
        let screen = try s.capture()
        #expect(screen.contains("TERM=dumb"), "message: \(screen)")
        #expect(try s.displayFlags() == "0 1")
    }

    @Test("Output redirected to a file exits 2 with a message naming standard output")
    func stdoutNotATerminal() throws {
        let s = try Triage.launch(redirect: " > out.txt")
        #expect(try s.exitStatus(timeout: 10) == 2)
        #expect(try s.capture().contains("standard output is not a terminal"))
        #expect(try s.displayFlags() == "0 1")
    }

    @Test("No TTY at all (input from /dev/null, output to a file) exits 2 with a clear message")
    func noTTY() throws {
        let binary = try TestSupport.dyadBinary()
        let dir = try Triage.workspace()
        let result = try Spawn.run(binary.path, ["triage", dir.appendingPathComponent("threats.jsonl").path])
        #expect(result.status == 2)
        #expect(result.error.contains("standard input is not a terminal"), "stderr: \(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "one line: \(result.error)")
        #expect(result.output.isEmpty, "nothing written to standard output: \(result.output)")
    }

    @Test("NO_COLOR=1 draws no colour escape codes, only attributes")
    func noColor() throws {
        let s = try Triage.started(env: ["NO_COLOR": "1"])
        let escaped = try s.capture(escapes: true)
        #expect(Triage.colourCodes(in: escaped) == [])
        #expect(escaped.contains("\u{1B}["), "attributes are still drawn")
    }

    @Test("Wide characters (emoji and CJK in the sample) keep every pane border in its column")
    func wideCharactersAlign() throws {
        let s = try Triage.started()
        let lines = Triage.lines(try s.capture())
        let borders: Set<Character> = ["│", "┐", "┘", "┤"]
        let body = lines.dropFirst().prefix { !$0.hasPrefix(" 1 ") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        try #require(body.count > 10, "the panes fill the screen:\n\(lines.joined(separator: "\n"))")
        #expect(body.contains { $0.unicodeScalars.contains { $0.value >= 0x1F300 } }, "an emoji is on screen")
        for line in body {
            #expect(line.last.map(borders.contains) == true && TestSupport.displayWidth(line) == 100,
                    "right border in the last column: \(line)")
        }
    }

    @Test("Helpers: the colour-code detector, the exit-status reader, shell quoting")
    func detector() {
        #expect(Triage.colourCodes(in: "\u{1B}[1m\u{1B}[7mx\u{1B}[0m\u{1B}[39;49m") == [])
        #expect(Triage.colourCodes(in: "a\u{1B}[38;5;231mb") == ["38;5;231"])
        #expect(Triage.colourCodes(in: "\u{1B}[1;31mred") == ["1;31"])
        #expect(Triage.colourCodes(in: "\u{1B}[44m") == ["44"])
        #expect(Triage.rows(withBackground: 238, in: "a\n\u{1B}[48;5;238mb\nc") == [1])
        #expect(TmuxSession.exitCode(in: "EXIT=1\nbye\nEXIT=130\n") == 130)
        #expect(TmuxSession.exitCode(in: "still running") == nil)
        #expect(TmuxSession.quote("it's") == "'it'\\''s'")
        #expect(TmuxError.notInstalled.description.contains("tmux is required for end-to-end tests"))
    }
}
