import Core
import Foundation
@testable import Journal
import TestSupport

/// A small seeded random generator (SplitMix64) so fuzz and crash tests are repeatable.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fixtures {
    /// Writes bytes to a new file in a fresh temp folder; returns its path.
    static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let dir = TestSupport.tempDir("dyad-journal")
        let url = dir.appendingPathComponent(name)
        precondition(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)), "cannot write \(url.path)")
        return url.path
    }

    static func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// A record with a fixed time.
    static func record(_ seq: Int, _ event: Event, actor: String = "ana") -> JournalRecord {
        JournalRecord(seq: seq, time: "2026-11-21T22:48:51.123Z", actor: actor, event: event)
    }

    static func label(_ id: String, _ label: String, predicted: String? = nil) -> Event {
        .label(LabelDecision(messageID: id, label: label, predicted: predicted, confidence: predicted == nil ? nil : 0.7,
                             strategy: .margin, ms: 1500))
    }

    /// One event of every type.
    static let everyEvent: [Event] = [
        .sessionOpened(SessionOpened(dyadVersion: "0.1.0", files: ["a.jsonl", "b.csv"], filesHash: "00ff", messageCount: 12)),
        .label(LabelDecision(messageID: "m1", label: "phishing", predicted: "benign", confidence: 0.62, strategy: .margin,
                             ms: 2300, origin: .review)),
        .label(LabelDecision(messageID: "m2", label: "benign", predicted: nil, confidence: nil, strategy: nil, ms: 0)),
        .label(LabelDecision(messageID: "m4", label: "benign", predicted: "benign", confidence: 0.4, strategy: nil, ms: 900,
                             origin: .signals)),
        .skip(messageID: "m3", strategy: .entropy, ms: 400),
        .skip(messageID: "m4", strategy: nil, ms: 0),
        .undo(seq: 2),
        .note(messageID: "m1", text: "sender \"spoofs\" a bank\nsecond line é 🚀"),
        .note(messageID: nil, text: "session note"),
        .labelDefined(name: "phishing", key: "1", description: "credential theft"),
        .labelDefined(name: "scam", key: nil, description: nil),
        .labelRenamed(from: "scam", to: "fraud"),
        .labelRetired(name: "fraud"),
        .lexicon(LexiconChange(op: .add, term: "verify account", label: "phishing", concept: "lure", author: .machine)),
        .lexicon(LexiconChange(op: .suppress, term: "the")),
        .bulkLabel(BulkLabel(label: "benign", messageIDs: ["m5", "m6"], cluster: 3)),
        .bulkLabel(BulkLabel(label: "benign", messageIDs: [], cluster: nil)),
        .bulkLabel(BulkLabel(label: "phishing", messageIDs: ["m7", "m8"], cluster: nil, origin: .focus)),
        .cycleClosed(CycleMetrics(number: 1, decisions: 25, agreement: 0.64, heldOutMacroF1: 0.5, goldAccuracy: nil,
                                  perLabel: ["phishing": 10, "benign": 15], movedTerms: ["paypal"], flipped: 3,
                                  lexiconChanges: ["human": 2, "machine": 1], msPerDecision: 2100.5, consistency: 0.9,
                                  heldOutF1ByLabel: ["phishing": 0.625, "benign": 0.375], atOnce: 12)),
    ]

    /// A journal file's bytes for `events` with seqs 1…n.
    static func journalBytes(_ events: [Event]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, e) in events.enumerated() { out += RecordCodec.encode(record(i + 1, e)) }
        return out
    }

    /// A new workspace folder holding a journal with these bytes.
    static func workspace(journal: [UInt8]) -> URL {
        let dir = TestSupport.tempDir("dyad-ws")
        let path = dir.appendingPathComponent("journal.jsonl").path
        precondition(FileManager.default.createFile(atPath: path, contents: Data(journal)), "cannot write \(path)")
        return dir
    }
}
