import Core
import Engine
import Foundation
import Journal
import Terminal
import TestSupport
@testable import Workbench

/// An in-memory journal for tests: assigns sequence numbers like the real one.
final class MemorySink: JournalSink {
    var records: [JournalRecord] = []
    var failNext = false
    func append(_ event: Event) throws -> JournalRecord {
        if failNext {
            failNext = false
            throw JournalError.io(path: "memory", reason: "disk full")
        }
        let r = JournalRecord(seq: records.count + 1, time: "2026-11-21T00:00:00.000Z", actor: "tester", event: event)
        records.append(r)
        return r
    }
}

enum Fixtures {
    static let messages: [(String, String)] = [
        ("Verify your PayPal account now at hxxp://paypa1-secure[.]com or it will be suspended", "phishing"),
        ("Your mailbox is full, log in here to keep receiving mail", "phishing"),
        ("Selling fresh combo list 2M lines, emails and passwords, escrow ok", "data-leak"),
        ("Leaked database of a shopping site, 500k users with hashes", "data-leak"),
        ("Team lunch is moved to Thursday, see you there", "benign"),
        ("The quarterly report is attached, comments welcome", "benign"),
        ("Reset your password using the link from the IT portal as announced", "benign"),
        ("Account suspended! Confirm your card details to restore access", "phishing"),
        ("Database dump with emails and phone numbers for sale, contact on telegram", "data-leak"),
        ("Reminder: the office is closed on Monday", "benign"),
    ]

    static func store() -> MessageStore {
        var s = MessageStore()
        for (k, m) in messages.enumerated() {
            s.append(Message(id: String(format: "m%02d", k + 1), text: m.0, gold: m.1, ts: "2026-01-0\(k % 9 + 1)T10:00:00Z", source: "forum"))
        }
        return s
    }

    /// A temporary folder holding the fixture messages (`messages.jsonl`, no gold) and a
    /// workspace (`ws`) whose journal holds `events`; the caller removes `dir`.
    static func workspaceOnDisk(_ tag: String, events: [Event]) throws -> (dir: URL, file: URL, workspace: URL) {
        let dir = TestSupport.tempDir(tag)
        let file = dir.appendingPathComponent("messages.jsonl")
        let lines = messages.enumerated().map { #"{"id":"m\#(String(format: "%02d", $0.offset + 1))","text":"\#($0.element.0)"}"# }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let wsDir = dir.appendingPathComponent("ws")
        let ws = try Workspace.open(directory: wsDir, create: true, readOnly: false, actor: "t")
        for e in events { _ = try ws.append(e) }
        ws.close()
        return (dir, file, wsDir)
    }

    /// A loop over an in-memory terminal with labels defined and the queue scored.
    static func app(width: Int = 100, height: Int = 30,
                    insight: @escaping @Sendable (InsightRequest) -> InsightSummary = { _ in InsightSummary() })
        -> (App, MemoryBackend, MemorySink) {
        let backend = MemoryBackend(width: width, height: height)
        let sink = MemorySink()
        let store = store()
        let state = AppState(store: store, journal: JournalState(), model: Classifier(), strategy: .margin, analyst: "tester",
                             workspacePath: ".dyad", readOnly: false, keyMap: .standard, theme: BuiltinThemes.dark, cycleLength: 5)
        var t = 0.0
        let app = App(state: state, backend: backend, sink: sink, records: [], config: EngineConfig(), themePaths: [],
                      clock: { t += 1.5; return t }, insight: insight)
        for l in ["phishing", "data-leak", "benign"] {
            app.perform([.append(.labelDefined(name: l, key: nil, description: nil))])
        }
        app.start()
        return (app, backend, sink)
    }
}

extension App {
    /// Sends keys through the reducer and draws, as the loop does.
    func press(_ keys: Key...) {
        for k in keys {
            dispatch(.key(k, at: Double(k.hashValue & 0xff)))
            draw()
        }
    }

    /// Sends a string as character keys.
    func type(_ s: String) {
        for c in s { press(.char(c)) }
    }
}
