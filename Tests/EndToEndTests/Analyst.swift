import Foundation
import Testing
import TestSupport

/// An analyst at the Dyad workbench in tmux: reads the screen, presses keys and
/// waits (by polling the screen) for each decision to be saved durably.
final class Analyst {
    /// One decision as the screen confirmed it.
    struct Decision: Equatable {
        var seq: Int
        var id: String
        var label: String
    }

    let tmux: TmuxSession
    /// The highest journal sequence number seen in a `✓ saved #N` marker.
    private(set) var lastSeq = 0
    /// Every distinct `agree P%` the header showed, in order of appearance.
    private(set) var agreeSeen: [String] = []

    /// Starts `cd FOLDER && dyad triage FILE --workspace WS` in a 120×35 tmux pane and waits for the triage view.
    init(binary: URL, file: URL, folder: URL, workspace: String, analyst: String = "e2e-analyst",
         arguments: [String] = [], timeout: Double = 60) throws {
        let q = TmuxSession.quote
        let extra = arguments.map { " " + q($0) }.joined()
        let command = "cd \(q(folder.path)) && \(q(binary.path)) triage \(q(file.path)) --workspace \(q(workspace)) --analyst \(q(analyst))\(extra)"
        tmux = try TmuxSession(command: command, width: 120, height: 35)
        try tmux.waitUntil("the triage view (header and a message)", timeout: timeout) { screen in
            screen.contains(" Dyad │ triage") && Analyst.messageID(screen) != nil || TmuxSession.exitCode(in: screen) != nil
        }
        let screen = try settled()
        if let status = TmuxSession.exitCode(in: screen) {
            Issue.record("dyad triage exited with status \(status) before showing the triage view:\n\(screen)")
            throw AnalystError.exited(screen)
        }
        lastSeq = Analyst.savedMarker(screen)?.seq ?? 0
    }

    deinit { tmux.kill() }

    // MARK: Screen

    /// The screen once two captures in a row are equal (polled every 50 ms).
    @discardableResult
    func settled(timeout: Double = 10) throws -> String {
        var previous = ""
        let screen = try tmux.waitUntil("a settled screen", timeout: timeout) { s in
            defer { previous = s }
            return s == previous
        }
        note(screen)
        return screen
    }

    /// The settled screen once the Insight pane shows no background work (`busy …`):
    /// the model, the queue order and the verdict on screen are final.
    @discardableResult
    func idle(timeout: Double = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let left = max(0.1, deadline.timeIntervalSinceNow)
            try tmux.waitUntil("no background work (│busy   …)", timeout: left) { !$0.contains("│busy   ") }
            let screen = try settled(timeout: left)
            if !screen.contains("│busy   ") { return screen }
        }
    }

    /// The settled screen with its escape codes, parsed.
    func settledStyled(timeout: Double = 10) throws -> StyledScreen {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = try tmux.capture(escapes: true)
        while true {
            Thread.sleep(forTimeInterval: 0.05)
            let now = try tmux.capture(escapes: true)
            if now == previous { return StyledScreen(now) }
            guard Date() < deadline else { throw AnalystError.unsettled(now) }
            previous = now
        }
    }

    /// The screen with its escape codes as soon as `condition` holds for it (polled every 50 ms).
    func styled(_ what: String, timeout: Double = 10, until condition: (StyledScreen) -> Bool) throws -> StyledScreen {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = StyledScreen(try tmux.capture(escapes: true))
            if condition(screen) { return screen }
            guard Date() < deadline else { throw TmuxError.timeout(waitingFor: what, seconds: timeout, screen: screen.plain) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Waits for `text` on screen, then for the screen to settle.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try tmux.waitFor(text, timeout: timeout)
        return try settled()
    }

    /// Records what the header says about agreement.
    private func note(_ screen: String) {
        if let a = Analyst.agreement(screen), agreeSeen.last != a { agreeSeen.append(a) }
    }

    // MARK: Keys

    /// Presses tmux keys (`u`, `Enter`, `Right`, `Escape`).
    func press(_ keys: String...) throws {
        for k in keys { try tmux.send(keys: k) }
    }

    /// Types text literally.
    func type(_ text: String) throws { try tmux.type(text) }

    /// Waits for a `✓ saved #N: …` marker newer than the last one seen; returns its number and text.
    @discardableResult
    func waitForSave(timeout: Double = 20) throws -> (seq: Int, text: String) {
        let after = lastSeq
        let screen = try tmux.waitUntil("✓ saved #N with N > \(after)", timeout: timeout) { s in
            (Analyst.savedMarker(s)?.seq ?? 0) > after
        }
        guard let marker = Analyst.savedMarker(screen) else { throw AnalystError.exited(screen) }
        lastSeq = marker.seq
        try settled()
        return marker
    }

    /// Presses `key` on the message shown and checks the saved marker names that message and `label`.
    func decide(_ key: String, expecting label: String) throws -> Decision {
        let before = try idle()
        let id = try #require(Analyst.messageID(before), "no message id in the Message pane title:\n\(before)")
        try press(key)
        let saved = try waitForSave()
        #expect(saved.text == "\(id) → \(label)", "key \(key) on \(id): expected “\(id) → \(label)”, the status line says “\(saved.text)”")
        return Decision(seq: saved.seq, id: id, label: label)
    }

    // MARK: Parsing

    /// The message id in the Message pane title (`┌─ Message m0042 · forum · …`).
    static func messageID(_ screen: String) -> String? {
        firstMatch(#"[┌─] Message (\S+)"#, in: screen)
    }

    /// `N` of `N/M labeled` in the header.
    static func labeledCount(_ screen: String) -> Int? {
        firstMatch(#"│ (\d+)/\d+ labeled"#, in: header(screen)).flatMap { Int($0) }
    }

    /// `P%` of `agree P%` in the header.
    static func agreement(_ screen: String) -> String? {
        firstMatch(#"agree (\d+%)"#, in: header(screen))
    }

    /// The queue order named in the header.
    static func order(_ screen: String) -> String? {
        firstMatch(#"order ([^│]+?) │"#, in: header(screen))
    }

    /// The model's label in the Message pane's verdict line (`model   phishing  72% …`).
    static func modelLabel(_ screen: String) -> String? {
        firstMatch(#"│model\s+(\S+)\s+\d+%"#, in: screen)
    }

    /// The model's verdict in the Message pane, label and confidence (`phishing 72%`).
    static func verdict(_ screen: String) -> String? {
        guard let m = firstMatch(#"│model\s+(\S+\s+\d+%)"#, in: screen) else { return nil }
        return m.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The influential words in the `why` line: supporting (`+word`) and opposing (`−word`).
    static func why(_ screen: String) -> (supporting: [String], opposing: [String]) {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("│why    ") }),
              let r = line.range(of: "│why    ") else { return ([], []) }
        let words = line[r.upperBound...].split(separator: " ").map(String.init)
        return (words.filter { $0.hasPrefix("+") }.map { String($0.dropFirst()) },
                words.filter { $0.hasPrefix("−") }.map { String($0.dropFirst()).replacingOccurrences(of: "│", with: "") })
    }

    /// The newest `✓ saved #N: text` marker in the status line.
    static func savedMarker(_ screen: String) -> (seq: Int, text: String)? {
        guard let line = screen.split(separator: "\n").last(where: { $0.contains("✓ saved #") }) else { return nil }
        let s = String(line)
        guard let seq = firstMatch(#"✓ saved #(\d+): "#, in: s).flatMap({ Int($0) }),
              let text = firstMatch(#"✓ saved #\d+: (.*?)(?:  |$)"#, in: s) else { return nil }
        return (seq, text.trimmingCharacters(in: .whitespaces))
    }

    /// The first line of the screen.
    static func header(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    /// The first capture group of `pattern` in `text`.
    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              m.numberOfRanges > 1, let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }
}

/// Why the analyst could not go on.
enum AnalystError: Error, CustomStringConvertible {
    case exited(String)
    case unsettled(String)

    var description: String {
        switch self {
        case .exited(let screen): "dyad is not showing the workbench; the screen shows:\n\(screen)"
        case .unsettled(let screen): "the screen kept changing; the last capture:\n\(screen)"
        }
    }
}
