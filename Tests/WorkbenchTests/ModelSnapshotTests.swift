import Core
import Engine
import Foundation
import Journal
import TestSupport
import Testing
@testable import Workbench

/// The model snapshot: a start from it plus the later records equals a full replay bit for bit,
/// and a snapshot that does not provably match the journal is refused (full replay instead).
@Suite("Model snapshot")
struct ModelSnapshotTests {
    static let config = EngineConfig(hashBits: 14)

    /// A journal with labels, decisions, a bulk label, lexicon edits (add, boost, suppress,
    /// unsuppress), undos of a decision and of a boost, a rename and a retirement.
    static func records() -> [JournalRecord] {
        let events: [Event] = [
            .labelDefined(name: "phishing", key: "1", description: nil),
            .labelDefined(name: "data-leak", key: "2", description: nil),
            .labelDefined(name: "benign", key: "3", description: nil),
            label("m01", "phishing"),
            label("m03", "data-leak"),
            .lexicon(LexiconChange(op: .add, term: "paypal", label: "phishing")),
            .lexicon(LexiconChange(op: .boost, term: "database", label: "data-leak")),
            .lexicon(LexiconChange(op: .suppress, term: "the")),
            label("m05", "benign"),
            .undo(seq: 4),
            label("m02", "phishing"),
            .bulkLabel(BulkLabel(label: "data-leak", messageIDs: ["m04", "m09"], cluster: 2)),
            .undo(seq: 7),
            .lexicon(LexiconChange(op: .unsuppress, term: "the")),
            .labelRenamed(from: "benign", to: "harmless"),
            label("m06", "harmless"),
            .labelRetired(name: "data-leak"),
            .lexicon(LexiconChange(op: .suppress, term: "account")),
            label("m08", "phishing"),
            label("m10", "harmless"),
        ]
        return events.enumerated().map { JournalRecord(seq: $0.offset + 1, time: "2026-11-21T00:00:00.000Z", actor: "t", event: $0.element) }
    }

    static func label(_ id: String, _ l: String) -> Event {
        .label(LabelDecision(messageID: id, label: l, predicted: nil, confidence: nil, strategy: .margin, ms: 900))
    }

    static func replay(_ records: [JournalRecord], store: MessageStore) -> Classifier {
        ModelRebuild.rebuild(records: records, undone: JournalState(records: records).undone, store: store, config: config)
    }

    /// Writes the snapshot of the model replayed from the first `k` records.
    static func writeSnapshot(_ records: [JournalRecord], covering k: Int, store: MessageStore, to url: URL,
                              config: EngineConfig = config) throws {
        let prefix = Array(records.prefix(k))
        let model = ModelRebuild.rebuild(records: prefix, undone: JournalState(records: prefix).undone, store: store, config: config)
        try ModelSnapshot.write(model, coverage: #require(ModelSnapshot.Coverage(records: records, count: k)), to: url)
    }

    /// Every learned byte of two models: their state images and weight tables.
    static func identical(_ a: Classifier, _ b: Classifier) -> Bool {
        a.imageState() == b.imageState() && a.withImageTable { ta in b.withImageTable { tb in ta.elementsEqual(tb) } }
    }

    @Test func snapshotPlusRestEqualsFullReplayAtEveryPrefix() throws {
        let store = Fixtures.store(), records = Self.records()
        let undone = JournalState(records: records).undone
        let full = Self.replay(records, store: store)
        let dir = TestSupport.tempDir("snapshot")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = ModelSnapshot.url(in: dir)
        var used: [Int] = []
        for k in 1...records.count {
            try Self.writeSnapshot(records, covering: k, store: store, to: url)
            var start = ModelStart(snapshot: url, records: records, undone: undone, config: Self.config)
            // An undo after the snapshot that reaches back into it (seq 10 → 4, 13 → 7) makes it unusable.
            let reachedBack = (4...9).contains(k) || (7...12).contains(k)
            if reachedBack {
                #expect(start.covered == 0)
                #expect(start.rejection?.contains("reaches back") == true, "k = \(k): \(start.rejection ?? "used")")
            } else {
                #expect(start.covered == k, "k = \(k): \(start.rejection ?? "")")
                used.append(k)
            }
            start.replayRest(records: records, undone: undone, store: store)
            #expect(Self.identical(start.model, full), "k = \(k)")
            #expect(start.model.fingerprint == full.fingerprint)
            #expect(start.model.predict(store.text(0)).probabilities == full.predict(store.text(0)).probabilities)
        }
        #expect(used == [1, 2, 3] + Array(13...records.count))
    }

    @Test func imageRoundTripKeepsLexiconSuppressionsAndVocabulary() throws {
        let store = Fixtures.store(), records = Self.records()
        let model = Self.replay(records, store: store)
        #expect(model.prior(term: "paypal", label: "phishing") != 0)
        #expect(model.isSuppressed("account"))
        let state = model.imageState()
        let copy = try state.withUnsafeBytes { s in
            try Classifier(image: s, config: Self.config, tableByteCount: model.imageTableByteCount) { t in
                model.withImageTable { t.copyMemory(from: $0) }
            }
        }
        #expect(Self.identical(copy, model))
        #expect(copy.labels == model.labels)
        #expect(copy.isSuppressed("account"))
        #expect(copy.prior(term: "paypal", label: "phishing") == model.prior(term: "paypal", label: "phishing"))
        #expect(copy.topTerms(label: "phishing", count: 5).map(\.term) == model.topTerms(label: "phishing", count: 5).map(\.term))
    }

    @Test func damagedTruncatedStaleOrForeignSnapshotsAreRefused() throws {
        let store = Fixtures.store(), records = Self.records()
        let undone = JournalState(records: records).undone
        let dir = TestSupport.tempDir("snapshot-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = ModelSnapshot.url(in: dir)
        let k = records.count
        func reason(_ recs: [JournalRecord] = records, config: EngineConfig = Self.config) -> String {
            let start = ModelStart(snapshot: url, records: recs, undone: JournalState(records: recs).undone, config: config)
            return start.covered == 0 ? (start.rejection ?? "no reason") : "used"
        }
        #expect(reason() == "no model snapshot yet")
        try Self.writeSnapshot(records, covering: k, store: store, to: url)
        #expect(reason() == "used")
        let good = try Data(contentsOf: url)

        var flipped = good
        flipped[good.count - 5] ^= 0x01
        try flipped.write(to: url)
        #expect(reason().contains("payload checksum"))

        var header = good
        header[20] ^= 0x40
        try header.write(to: url)
        #expect(reason().contains("header checksum"))

        try good.prefix(good.count - 100).write(to: url)
        #expect(reason().contains("truncated"))
        try good.prefix(30).write(to: url)
        #expect(reason().contains("truncated"))
        try Data("not a snapshot at all, just some text that is long enough for a header......".utf8).write(to: url)
        #expect(reason().contains("not a Dyad model snapshot"))

        try good.write(to: url)
        // The journal was changed: record k is not the one the snapshot was made from.
        var changed = records
        changed[k - 1] = JournalRecord(seq: k, time: "2026-11-21T00:00:00.000Z", actor: "t", event: Self.label("m10", "phishing"))
        #expect(reason(changed).contains("is not the one"))
        // The journal is shorter than what the snapshot covers (repaired).
        #expect(reason(Array(records.prefix(k - 2))).contains("the journal has \(k - 2)"))
        // An undo appended later reaches into it.
        let undo = JournalRecord(seq: k + 1, time: "2026-11-21T00:00:00.000Z", actor: "t", event: .undo(seq: k))
        #expect(reason(records + [undo]).contains("reaches back"))
        // Another engine config.
        #expect(reason(config: EngineConfig(hashBits: 15)).contains("another engine config"))
        #expect(reason() == "used")

        // Whatever was refused, the start replays in full and builds the same model.
        try flipped.write(to: url)
        var start = ModelStart(snapshot: url, records: records, undone: undone, config: Self.config)
        start.replayRest(records: records, undone: undone, store: store)
        #expect(start.covered == 0)
        #expect(start.replayed == records.count)
        #expect(Self.identical(start.model, Self.replay(records, store: store)))
    }

    @Test func writingReplacesAtomicallyAndLeavesNoTemporaryFile() throws {
        let store = Fixtures.store(), records = Self.records()
        let dir = TestSupport.tempDir("snapshot-atomic")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = ModelSnapshot.url(in: dir)
        try Self.writeSnapshot(records, covering: 5, store: store, to: url)
        try Self.writeSnapshot(records, covering: records.count, store: store, to: url)
        #expect(ModelSnapshot.coverage(at: url)?.count == records.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [ModelSnapshot.fileName])
    }

    /// Through `SessionLoader`: the first start replays and writes the snapshot, the next one uses it;
    /// a damaged snapshot is reported and replaced; the journal is never changed by any of it.
    @Test func sessionLoaderUsesWritesAndReplacesTheSnapshot() throws {
        let (dir, file, wsDir) = try Fixtures.workspaceOnDisk("snapshot-session", events: Self.records().map(\.event))
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = SessionOptions(files: [file.path], workspace: wsDir.path, analyst: "t")
        options.snapshotMinimum = 5
        let journal = wsDir.appendingPathComponent("journal.jsonl")

        func load() throws -> LoadedSession {
            let s = try SessionLoader.load(options, environment: [:])
            s.workspace.close()
            return s
        }
        func fullReplay(_ s: LoadedSession) -> Classifier {
            ModelRebuild.rebuild(records: s.records, undone: s.state.journal.undone, store: s.state.store, config: s.config)
        }
        let first = try load()
        #expect(first.snapshotCovered == 0)
        #expect(first.report.contains { $0.contains("model snapshot not used: no model snapshot yet") })
        #expect(ModelSnapshot.coverage(at: ModelSnapshot.url(in: wsDir))?.count == Self.records().count)
        #expect(Self.identical(first.state.model, fullReplay(first)))

        let second = try load()
        #expect(second.snapshotCovered == Self.records().count)
        #expect(!second.report.contains { $0.contains("snapshot") })
        #expect(Self.identical(second.state.model, fullReplay(second)))

        let before = try Data(contentsOf: journal)
        var damaged = try Data(contentsOf: ModelSnapshot.url(in: wsDir))
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: ModelSnapshot.url(in: wsDir))
        let third = try load()
        #expect(third.snapshotCovered == 0)
        #expect(third.report.contains { $0.contains("payload checksum does not match") })
        #expect(Self.identical(third.state.model, fullReplay(third)))
        // The journal only grew by the session records; its earlier lines are untouched.
        let after = try Data(contentsOf: journal)
        #expect(after.prefix(before.count) == before)
        #expect(try load().snapshotCovered == third.records.count - 1)
    }
}
