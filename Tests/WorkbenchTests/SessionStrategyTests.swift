import Core
import Foundation
import Journal
import Testing
import TestSupport
@testable import Workbench

/// A session goes on in the queue order the last one worked in (the journal's latest
/// decision or skip), unless `--strategy` or the workspace's settings say otherwise.
@Suite struct SessionStrategyTests {
    static func session(_ events: [Event], strategy: QueueStrategy? = nil) throws -> QueueStrategy {
        let (dir, file, wsDir) = try Fixtures.workspaceOnDisk("session-strategy", events: events)
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = SessionOptions(files: [file.path], workspace: wsDir.path, analyst: "t")
        options.strategy = strategy
        let s = try SessionLoader.load(options, environment: [:])
        s.workspace.close()
        return s.state.strategy
    }

    static func label(_ id: String, _ strategy: QueueStrategy?) -> Event {
        .label(LabelDecision(messageID: id, label: "phishing", predicted: nil, confidence: nil, strategy: strategy, ms: 900))
    }

    @Test func theLastDecisionsOrderCarriesOver() throws {
        let defined = Event.labelDefined(name: "phishing", key: "1", description: nil)
        #expect(try Self.session([]) == .margin)
        #expect(try Self.session([defined, Self.label("m01", .confident)]) == .confident)
        #expect(try Self.session([defined, Self.label("m01", .confident), .skip(messageID: "m02", strategy: .entropy, ms: 10)]) == .entropy)
        // A decision without an order (an import, the demo's first) does not hide an earlier one.
        #expect(try Self.session([defined, Self.label("m01", .random), Self.label("m02", nil)]) == .random)
        #expect(try Self.session([defined, Self.label("m01", .confident)], strategy: .density) == .density, "--strategy wins")
    }

    @Test("the insight pane's last decision is the journal's after a restart (an undone one is not)")
    func lastDecisionSurvivesARestart() throws {
        let defined = Event.labelDefined(name: "phishing", key: "1", description: nil)
        let leak = Event.labelDefined(name: "data-leak", key: "2", description: nil)
        // Sequence numbers 1…5: the second decision (4) is undone (5).
        let (dir, file, wsDir) = try Fixtures.workspaceOnDisk("session-last", events: [
            defined, leak,
            .label(LabelDecision(messageID: "m01", label: "phishing", predicted: "phishing", confidence: 0.7, strategy: nil, ms: 900)),
            .label(LabelDecision(messageID: "m03", label: "data-leak", predicted: "phishing", confidence: 0.5, strategy: nil, ms: 900)),
            .undo(seq: 4),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try SessionLoader.load(SessionOptions(files: [file.path], workspace: wsDir.path, analyst: "t"), environment: [:])
        s.workspace.close()
        let last = try #require(s.state.lastChange)
        #expect(last.decision.hasPrefix("phishing ← “Verify your PayPal"), "\(last.decision)")
        #expect(last.agreed == true)
    }
}
