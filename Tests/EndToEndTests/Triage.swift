import Foundation
import TestSupport

/// Starts `dyad triage` on a private copy of the sample data inside tmux.
enum Triage {
    /// A temp folder holding `threats.jsonl` (the bundled sample, or a tiny
    /// generated one while the sample is missing) and an empty config home.
    static func workspace() throws -> URL {
        let dir = TestSupport.tempDir("dyad-e2e")
        let target = dir.appendingPathComponent("threats.jsonl")
        let sample = TestSupport.packageRoot.appendingPathComponent("SampleData/threats.jsonl")
        if FileManager.default.fileExists(atPath: sample.path) {
            try FileManager.default.copyItem(at: sample, to: target)
        } else {
            try tinySample().write(to: target, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("config"), withIntermediateDirectories: true)
        return dir
    }

    /// Twelve short messages in two labels.
    static func tinySample() -> String {
        let texts = [
            ("Your parcel is held: pay 1.99 EUR at hxxps://parcel-fee[.]info", "phishing"),
            ("quarterly all-hands moved to Thursday 3pm", "benign"),
            ("Verify your mailbox now or it will be suspended: hxxp://mail-verify[.]top", "phishing"),
            ("lunch at the usual place?", "benign"),
            ("Your bank account is locked, confirm your PIN here", "phishing"),
            ("the build is green again after the flaky test fix", "benign"),
            ("Invoice 8812 attached, enable macros to view", "phishing"),
            ("can someone review my pull request on the parser", "benign"),
            ("You won a gift card! claim within 24h", "phishing"),
            ("standup notes are in the wiki", "benign"),
            ("Password expires today, reset at hxxps://sso-reset[.]xyz", "phishing"),
            ("coffee machine on floor 2 is fixed", "benign"),
        ]
        return texts.enumerated().map { i, t in
            "{\"id\": \"t\(i + 1)\", \"text\": \"\(t.0)\", \"gold\": \"\(t.1)\"}"
        }.joined(separator: "\n") + "\n"
    }

    /// `dyad triage threats.jsonl` running in a fresh tmux session.
    static func launch(width: Int = 100, height: Int = 30, env: [String: String] = [:],
                       redirect: String = "") throws -> TmuxSession {
        let binary = try TestSupport.dyadBinary()
        let dir = try workspace()
        var environment = ["XDG_CONFIG_HOME": dir.appendingPathComponent("config").path]
        environment.merge(env) { _, new in new }
        let command = "cd \(TmuxSession.quote(dir.path)) && \(TmuxSession.quote(binary.path)) triage threats.jsonl\(redirect)"
        return try TmuxSession(command: command, width: width, height: height, env: environment)
    }

    /// `launch`, then waits until the panes are drawn.
    static func started(env: [String: String] = [:]) throws -> TmuxSession {
        let s = try launch(env: env)
        try waitForPanes(s)
        return s
    }

    /// Waits until the workbench has drawn its panes.
    @discardableResult
    static func waitForPanes(_ s: TmuxSession) throws -> String {
        try s.waitUntil("the Queue, Message and Insight panes", timeout: 20) {
            $0.contains("Queue") && $0.contains("Message") && $0.contains("Insight")
        }
    }

    /// The rows of a captured screen (without the newline after the last).
    static func lines(_ screen: String) -> [String] {
        var text = Substring(screen)
        if text.hasSuffix("\n") { text = text.dropLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// SGR parameters of every `ESC [ … m` in `text` that set a colour
    /// (30–38, 40–48, 90–97, 100–107; 39 and 49, "default colour", are not).
    static func colourCodes(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            if rest[end] == "m" {
                let params = rest[..<end].split(separator: ";", omittingEmptySubsequences: false).compactMap { Int($0) }
                var i = 0
                while i < params.count {
                    let p = params[i]
                    if (30...38).contains(p) || (40...48).contains(p) || (90...97).contains(p) || (100...107).contains(p) {
                        found.append(String(rest[..<end]))
                        break
                    }
                    i += 1
                }
            }
            rest = rest[end...]
        }
        return found
    }

    /// The rows (0-based) of an escaped capture whose SGR sets background `bg` (256-colour).
    static func rows(withBackground bg: Int, in escaped: String) -> [Int] {
        lines(escaped).enumerated()
            .filter { $0.element.contains("48;5;\(bg)m") || $0.element.contains("48;5;\(bg);") }
            .map(\.offset)
    }
}
