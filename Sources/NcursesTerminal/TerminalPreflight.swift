import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks, before ncurses starts, that the full-screen interface can run here.
///
/// ncurses itself draws garbage on `TERM=dumb` and ends the process on an
/// unknown `TERM`; this check fails early with a `TerminalError` instead,
/// writing nothing to the terminal.
public enum TerminalPreflight {
    /// Throws a `TerminalError` when standard input or output is not a
    /// terminal, `TERM` is unset, `dumb` or unknown, or the terminal lacks
    /// cursor addressing (`cup`) or clearing (`clear`).
    public static func check(environment: [String: String]) throws {
        try check(environment: environment, isTerminal: { isatty($0) == 1 })
    }

    /// The check with the TTY test injected (for tests).
    static func check(environment: [String: String], isTerminal: (Int32) -> Bool) throws {
        guard isTerminal(STDIN_FILENO) else { throw TerminalError.notATerminal(stream: "standard input") }
        guard isTerminal(STDOUT_FILENO) else { throw TerminalError.notATerminal(stream: "standard output") }
        let term = try terminalName(environment)
        try checkTerminfo(term)
    }

    /// The `TERM` value, unless it is unset, empty or `dumb`.
    static func terminalName(_ environment: [String: String]) throws -> String {
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
        guard term != "dumb" else { throw TerminalError.dumbTerminal }
        return term
    }

    /// Loads the terminfo entry for `term` (without touching the terminal)
    /// and checks the capabilities the workbench needs.
    static func checkTerminfo(_ term: String) throws {
        var status: Int32 = 0
        let result = setupterm(term, STDOUT_FILENO, &status)
        guard result == OK, let loaded = dyad_cur_term() else { throw TerminalError.unknownTerminal(term: term) }
        defer { del_curterm(loaded) }
        for capability in ["cup", "clear"] where dyad_has_string_cap(capability) == 0 {
            throw TerminalError.missingCapability(term: term, capability: capability)
        }
    }
}
