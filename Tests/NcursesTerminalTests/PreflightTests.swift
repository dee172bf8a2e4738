import Testing
@testable import NcursesTerminal

extension NcursesGlobalState {
    /// Preflight loads terminfo entries, which is global ncurses state.
    @Suite("Terminal preflight")
    struct PreflightTests {
        let tty: (Int32) -> Bool = { _ in true }

        @Test("Standard input that is not a terminal is refused first")
        func stdinNotTTY() {
            #expect(throws: TerminalError.notATerminal(stream: "standard input")) {
                try TerminalPreflight.check(environment: ["TERM": "xterm"], isTerminal: { $0 != 0 })
            }
        }

        @Test("Standard output that is not a terminal is refused")
        func stdoutNotTTY() {
            #expect(throws: TerminalError.notATerminal(stream: "standard output")) {
                try TerminalPreflight.check(environment: ["TERM": "xterm"], isTerminal: { $0 != 1 })
            }
        }

        @Test("TERM unset or empty is refused")
        func termUnset() {
            #expect(throws: TerminalError.termNotSet) { try TerminalPreflight.check(environment: [:], isTerminal: tty) }
            #expect(throws: TerminalError.termNotSet) { try TerminalPreflight.check(environment: ["TERM": ""], isTerminal: tty) }
        }

        @Test("TERM=dumb is refused")
        func dumb() {
            #expect(throws: TerminalError.dumbTerminal) { try TerminalPreflight.check(environment: ["TERM": "dumb"], isTerminal: tty) }
        }

        @Test("An unknown TERM is refused without ncurses ending the process")
        func unknown() {
            #expect(throws: TerminalError.unknownTerminal(term: "no-such-terminal-xyz")) {
                try TerminalPreflight.check(environment: ["TERM": "no-such-terminal-xyz"], isTerminal: tty)
            }
        }

        @Test("A terminal without cursor addressing is refused")
        func missingCapability() {
            #expect(throws: TerminalError.missingCapability(term: "dumb", capability: "cup")) {
                try TerminalPreflight.checkTerminfo("dumb")
            }
        }

        @Test("Real terminal types pass", arguments: ["xterm", "xterm-256color", "tmux-256color", "screen", "linux", "vt100"])
        func passes(term: String) throws {
            try TerminalPreflight.check(environment: ["TERM": term], isTerminal: tty)
        }

        @Test("Every message is one line that names the problem and what to do")
        func messages() {
            let errors: [TerminalError] = [
                .notATerminal(stream: "standard input"), .termNotSet, .dumbTerminal,
                .unknownTerminal(term: "x"), .missingCapability(term: "x", capability: "cup"), .startFailed(term: "x"),
            ]
            for e in errors {
                #expect(!e.description.hasPrefix("dyad"), "the executable adds its name")
                #expect(!e.description.contains("\n"))
                #expect(e.description.contains("terminal") || e.description.contains("TERM"))
            }
            #expect(TerminalError.dumbTerminal.description.contains("TERM=dumb"))
        }

        @Test("NO_COLOR (non-empty) or --no-color turn colour off")
        func colorMode() {
            #expect(ColorMode.resolve(noColorFlag: false, environment: [:]) == .auto)
            #expect(ColorMode.resolve(noColorFlag: false, environment: ["NO_COLOR": "1"]) == .none)
            #expect(ColorMode.resolve(noColorFlag: false, environment: ["NO_COLOR": ""]) == .auto)
            #expect(ColorMode.resolve(noColorFlag: true, environment: [:]) == .none)
        }
    }
}
