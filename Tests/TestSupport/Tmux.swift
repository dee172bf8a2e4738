import Foundation

/// A program running in a detached tmux session on a private socket, for
/// end-to-end tests: send keys, wait for text on screen, capture it.
///
/// The command runs inside a shell wrapper `CMD; echo EXIT=$?; exec sleep 600`
/// so the pane stays after the program ends and its exit status can be read
/// (`exec`, so that the sleep leads the session and dies with the server);
/// with `trapSignals` the wrapper survives Ctrl-C (`trap : INT TERM HUP`,
/// which resets the signals to default for the program). Never sleeps a
/// fixed time: waits poll the screen every 50 ms. The server is killed by
/// `kill()` or on deinit.
public final class TmuxSession {
    /// The private socket name (`tmux -L`).
    public let socket: String
    /// The session name.
    public let name = "dyad"
    private let tmux: URL
    private var killed = false

    /// Starts `command` in a `width`×`height` pane with `env` exported
    /// (after `LC_ALL=C.UTF-8`); throws `TmuxError.notInstalled` when tmux
    /// is missing. `NO_COLOR` is never inherited from the test runner.
    public init(command: String, width: Int = 100, height: Int = 30, env: [String: String] = [:],
                trapSignals: Bool = true) throws {
        guard let tmux = TmuxSession.findTmux() else { throw TmuxError.notInstalled }
        self.tmux = tmux
        socket = "dyad-test-\(UUID().uuidString)"
        var exports = ["LC_ALL": "C.UTF-8"]
        exports.merge(env) { _, new in new }
        let prefix = exports.keys.sorted().map { "export \($0)=\(TmuxSession.quote(exports[$0] ?? ""));" }.joined(separator: " ")
        let trap = trapSignals ? "trap : INT TERM HUP; " : ""
        let wrapper = "\(trap)\(prefix) \(command); echo EXIT=$?; exec sleep 600"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", wrapper])
    }

    deinit { kill() }

    /// Sends tmux key names (`j`, `Down`, `C-c`, `Escape`, `?`), one key each.
    public func send(keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Types `text` literally (`send-keys -l`).
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// The visible screen; with `escapes`, colours and attributes as SGR escapes.
    public func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// The screen as soon as it contains `text`; throws `TmuxError.timeout`
    /// (with the last screen) after `timeout` seconds.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// The screen as soon as `condition` holds for it (checked every 50 ms);
    /// with `escapes`, the screen given to `condition` has SGR escapes.
    ///
    /// A capture can land in the middle of one redraw, with the condition already true of
    /// its first lines: the screen returned is the one the redraw settles on (two equal
    /// captures, at most half a second later) while the condition still holds — else the
    /// last screen it held for (a state that really was brief).
    @discardableResult
    public func waitUntil(_ what: String, timeout: Double = 10, escapes: Bool = false,
                          _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture(escapes: escapes)
        while !condition(screen) {
            guard Date() < deadline else {
                throw TmuxError.timeout(waitingFor: what, seconds: timeout, screen: (try? capture()) ?? screen)
            }
            Thread.sleep(forTimeInterval: 0.05)
            screen = try capture(escapes: escapes)
        }
        let settle = Date().addingTimeInterval(0.5)
        while Date() < settle {
            Thread.sleep(forTimeInterval: 0.03)
            let next = try capture(escapes: escapes)
            if next == screen || !condition(next) { break }
            screen = next
        }
        return screen
    }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// `#{alternate_on} #{cursor_flag}`: "1 0" while a full-screen program
    /// with a hidden cursor runs, "0 1" once the terminal is restored.
    public func displayFlags() throws -> String {
        try run(["display-message", "-p", "-t", name, "#{alternate_on} #{cursor_flag}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The exit status the wrapper printed (`EXIT=n`), waiting for it.
    public func exitStatus(timeout: Double = 10) throws -> Int32 {
        let screen = try waitUntil("EXIT=<status>", timeout: timeout) { TmuxSession.exitCode(in: $0) != nil }
        return TmuxSession.exitCode(in: screen) ?? -1
    }

    /// Ends the tmux server (and the program). Safe to call more than once.
    public func kill() {
        guard !killed else { return }
        killed = true
        _ = try? run(["kill-server"])
    }

    /// The last `EXIT=n` on a screen.
    public static func exitCode(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n").reversed() {
            if let r = line.range(of: "EXIT=") {
                return Int32(line[r.upperBound...].prefix { $0.isNumber })
            }
        }
        return nil
    }

    /// Runs `tmux -L socket ARGS`, returning standard output.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["NO_COLOR"] = nil  // the test runner may set it; tests opt in through `env`
        let result = try Spawn.run(tmux.path, ["-L", socket] + arguments, environment: environment)
        guard result.status == 0 else {
            throw TmuxError.commandFailed(arguments: arguments, status: result.status, output: result.output + result.error)
        }
        return result.output
    }

    /// `tmux` on PATH, if any.
    static func findTmux() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// `s` in single quotes for the shell.
    public static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
