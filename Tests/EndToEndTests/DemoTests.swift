import Foundation
import Testing
import TestSupport

/// `dyad demo` unattended in tmux: the simulated analyst keeps labeling, no error shows, `q` quits cleanly.
@Suite("Demo end to end in tmux", .serialized)
struct DemoTests {
    /// The step counter of the banner title (`demo · step N`, or `demo · PAUSED at step N`).
    static func step(_ screen: String) -> Int? {
        guard let r = screen.range(of: #"demo · (PAUSED at )?step (\d+)"#, options: .regularExpression) else { return nil }
        return Int(screen[r].split(separator: " ").last ?? "")
    }

    /// `N` of `N/M labeled` in the header.
    static func labeled(_ screen: String) -> Int? {
        guard let r = screen.range(of: #"(\d+)/\d+ labeled"#, options: .regularExpression) else { return nil }
        return Int(screen[r].prefix { $0.isNumber })
    }

    @Test("dyad demo --pace 100 runs unattended: labels advance, the banner narrates, no error, q quits with status 0")
    func unattended() throws {
        let binary = try TestSupport.dyadBinary()
        let sample = TestSupport.packageRoot.appendingPathComponent("SampleData/threats.jsonl")
        let folder = TestSupport.tempDir("dyad-e2e-demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let q = TmuxSession.quote
        let command = "cd \(q(folder.path)) && \(q(binary.path)) demo \(q(sample.path)) --pace 100 --workspace ws"
        let tmux = try TmuxSession(command: command, width: 130, height: 40)
        defer { tmux.kill() }

        var screen = try tmux.waitUntil("the demo banner", timeout: 60) { Self.step($0) != nil || TmuxSession.exitCode(in: $0) != nil }
        #expect(TmuxSession.exitCode(in: screen) == nil, "dyad demo exited early:\n\(screen)")
        // About 20 seconds of unattended running, observed as progress rather than time: 25 more decisions.
        let first = Self.step(screen) ?? 0
        screen = try tmux.waitUntil("25 more demo steps", timeout: 120) { s in (Self.step(s) ?? 0) >= first + 25 || TmuxSession.exitCode(in: s) != nil }
        let later = try #require(Self.step(screen), "no banner:\n\(screen)")
        #expect(later >= first + 25)
        #expect((Self.labeled(screen) ?? 0) >= later, "the header counts the demo's labels:\n\(screen)")
        for marker in ["NOT saved", "dyad: ", "Terminal too small"] {
            #expect(!screen.contains(marker), "the screen shows \(marker):\n\(screen)")
        }
        // "failed" only on the status line: message texts may say it ("Invoice payment failed").
        let status = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        #expect(!status.contains("failed"), "the status line shows a failure:\n\(screen)")
        #expect(screen.contains("picked "), "the banner narrates the pick:\n\(screen)")
        #expect(screen.contains("macro-F1 at"), "the banner shows the curves:\n\(screen)")

        // Pause: the step counter stops moving while paused.
        try tmux.send(keys: "Space")
        screen = try tmux.waitFor("PAUSED", timeout: 20)
        let paused = try #require(Self.step(screen))
        // → advances one phase (pick, then label): two presses make exactly one more decision.
        try tmux.send(keys: "Right")
        try tmux.send(keys: "Right")
        screen = try tmux.waitUntil("one step while paused", timeout: 20) { Self.step($0) != paused }
        #expect(Self.step(screen) == paused + 1)

        try tmux.send(keys: "q")
        #expect(try tmux.exitStatus(timeout: 30) == 0)
        screen = try tmux.capture()
        #expect(screen.contains("decisions by the simulated analyst"), "closing line missing:\n\(screen)")
        #expect(try tmux.displayFlags() == "0 1", "the terminal was not restored")
        let journal = try String(contentsOf: folder.appendingPathComponent("ws/journal.jsonl"), encoding: .utf8)
        #expect(journal.components(separatedBy: "\"origin\":\"demo\"").count - 1 >= later, "demo decisions in the journal")
    }
}
