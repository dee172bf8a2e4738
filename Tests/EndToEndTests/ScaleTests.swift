import Foundation
import Testing
import TestSupport

/// A 200,000-message file in the real workbench: every key's effect must be on
/// screen before the next key is sent (a generous bound per key, for debug builds).
@Suite("End to end: a 200,000-message queue stays responsive", .serialized)
struct ScaleTests {
    static let count = 200_000
    static let perKey = 3.0

    /// Generates the file with `dyad bench --generate` and starts `dyad triage` on it.
    static func launch() throws -> TmuxSession {
        let binary = try TestSupport.dyadBinary()
        let dir = TestSupport.tempDir("dyad-scale")
        let file = dir.appendingPathComponent("big.jsonl")
        var arguments = ["bench", "--generate", file.path, "--messages", "\(count)"]
        let attack = TestSupport.packageRoot.appendingPathComponent("bench/data/attack_train.jsonl")
        if FileManager.default.fileExists(atPath: attack.path) { arguments += ["--attack", attack.path] }
        let generate = Process()
        generate.executableURL = binary
        generate.arguments = arguments
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("config"), withIntermediateDirectories: true)
        let command = "cd \(TmuxSession.quote(dir.path)) && \(TmuxSession.quote(binary.path)) triage big.jsonl"
        return try TmuxSession(command: command, width: 120, height: 40,
                               env: ["XDG_CONFIG_HOME": dir.appendingPathComponent("config").path])
    }

    /// Sends one key and waits for `expected` on screen.
    static func press(_ s: TmuxSession, _ key: String, shows expected: String) throws {
        try s.send(keys: key)
        try s.waitFor(expected, timeout: perKey)
    }

    @Test("Scrolling, labeling, searching, focusing and limiting 200,000 messages: each key shows its effect within 3 s")
    func keysKeepUp() throws {
        let s = try Self.launch()
        defer { s.kill() }
        try s.waitUntil("the workbench with the whole queue", timeout: 180) {
            $0.contains("Queue 1/\(Self.count)") && $0.contains("Message")
        }
        // Scroll.
        try Self.press(s, "j", shows: "Queue 2/\(Self.count)")
        try Self.press(s, "j", shows: "Queue 3/\(Self.count)")
        try Self.press(s, "k", shows: "Queue 2/\(Self.count)")
        let screen = try s.capture()
        try s.send(keys: "NPage")
        try s.waitUntil("a page further down", timeout: Self.perKey) { $0 != screen && !$0.contains("Queue 2/\(Self.count)") }
        try Self.press(s, "G", shows: "Queue \(Self.count)/\(Self.count)")
        try Self.press(s, "g", shows: "Queue 1/\(Self.count)")
        // Label three messages: each is saved and the cursor returns to the head.
        for n in 1...3 {
            try Self.press(s, "1", shows: "\(n)/\(Self.count) labeled")
        }
        try Self.press(s, "j", shows: "Queue 2/\(Self.count)")
        // Search: the prompt follows each typed character, Enter keeps the match.
        try Self.press(s, "/", shows: "search:")
        for (k, c) in "sha256".enumerated() {
            try Self.press(s, String(c), shows: "search: " + String("sha256".prefix(k + 1)))
        }
        try Self.press(s, "Enter", shows: "match “sha256”")
        // A query nothing contains: the whole queue is searched in the background.
        try Self.press(s, "/", shows: "search:")
        try s.type("qqzzxq")
        try s.waitFor("no message contains “qqzzxq”", timeout: 10)
        try Self.press(s, "Escape", shows: "Queue")
        try Self.press(s, "j", shows: "Queue")
        // Focus on the model's first label: the picker counts every message, the queue narrows,
        // Enter confirms one, f shows all again.
        try Self.press(s, "f", shows: "Focus on a model label")
        try Self.press(s, "Enter", shows: "focus: ")
        let labeled = try s.capture()
        try s.send(keys: "Enter")
        try s.waitUntil("the confirmation saved", timeout: Self.perKey) { $0 != labeled && $0.contains("✓ saved #") && $0.contains("4/\(Self.count) labeled") }
        try Self.press(s, "f", shows: "cleared — the whole queue again")
        // Limit to a phrase: at this size the matches are found in the background.
        try Self.press(s, "l", shows: "limit to messages containing:")
        try s.type("sha256")
        try s.send(keys: "Enter")
        try s.waitUntil("the limit in force", timeout: 10) { $0.contains("Limit “sha256” · ") && $0.contains(" to go") }
        try Self.press(s, "l", shows: "limit to “sha256” cleared")
        try s.send(keys: "q")
        #expect(try s.exitStatus(timeout: 10) == 0)
    }
}
