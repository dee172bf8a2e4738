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
}
