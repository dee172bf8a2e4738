/// Why the full-screen terminal could not start; each message is one line
/// that says what is wrong and what to do.
///
/// The executable prints `description` to standard error and exits with
/// status 2; the terminal is left untouched.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output (named) is not a terminal.
    case notATerminal(stream: String)
    /// `TERM` is unset or empty.
    case termNotSet
    /// `TERM=dumb`: no cursor addressing.
    case dumbTerminal
    /// No terminfo entry for this `TERM`.
    case unknownTerminal(term: String)
    /// The terminfo entry lacks a capability the workbench needs.
    case missingCapability(term: String, capability: String)
    /// ncurses refused to start on this terminal.
    case startFailed(term: String)

    /// The one-line message for standard error.
    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "\(stream) is not a terminal; the workbench needs an interactive terminal (run it without redirecting input or output)"
        case .termNotSet:
            "TERM is not set; set it to your terminal type, for example TERM=xterm-256color"
        case .dumbTerminal:
            "TERM=dumb cannot show a full-screen interface; run it in a terminal such as xterm, or set TERM=xterm-256color"
        case .unknownTerminal(let term):
            "unknown terminal type TERM=\(term) (no terminfo entry); set TERM=xterm-256color or install ncurses-term"
        case .missingCapability(let term, let capability):
            "terminal TERM=\(term) lacks the '\(capability)' capability needed for a full-screen interface; use a terminal such as xterm-256color"
        case .startFailed(let term):
            "ncurses could not start on TERM=\(term); set TERM=xterm-256color and try again"
        }
    }
}
