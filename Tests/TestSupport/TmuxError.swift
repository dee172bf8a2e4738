/// Why a tmux-driven end-to-end step failed; messages say what to do.
public enum TmuxError: Error, CustomStringConvertible {
    /// `tmux` is not on PATH.
    case notInstalled
    /// A tmux command exited with a failure status.
    case commandFailed(arguments: [String], status: Int32, output: String)
    /// A marker did not appear on screen in time; carries the last screen.
    case timeout(waitingFor: String, seconds: Double, screen: String)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .notInstalled:
            "tmux is required for end-to-end tests: run `make test` (it installs tmux) or apt-get install tmux"
        case .commandFailed(let arguments, let status, let output):
            "tmux \(arguments.joined(separator: " ")) failed with status \(status): \(output)"
        case .timeout(let marker, let seconds, let screen):
            "waited \(seconds) s for \"\(marker)\" on screen; the screen shows:\n\(screen)"
        }
    }
}
