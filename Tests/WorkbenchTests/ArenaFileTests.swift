import Core
import Engine
import Foundation
import Testing
import TestSupport
@testable import Workbench

/// The feature arena kept in the workspace: read back exactly, and never trusted
/// when the messages, the featurizer, the suppressions or the bytes differ.
@Suite("Arena file")
struct ArenaFileTests {
    static func built(_ store: MessageStore, _ model: Classifier) -> FeatureArena {
        let arena = FeatureArena(count: store.count)
        arena.ensure(store: store, model: model)
        return arena
    }

    static func write(_ arena: FeatureArena, _ key: ArenaFile.Key, _ url: URL) throws {
        try ArenaFile.write(chunks: arena.chunks, gramStarts: arena.gramStarts, gramSlots: arena.gramSlots, key: key, to: url)
    }

    static func rejection(_ url: URL, _ key: ArenaFile.Key, _ store: MessageStore, _ model: Classifier) -> String? {
        do {
            try ArenaFile.read(from: url, key: key, store: store, model: model, into: FeatureArena(count: store.count))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func roundTripGivesTheSameArenaAndScores() throws {
        let dir = TestSupport.tempDir("dyad-arena")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = FeatureArenaTests.store(FeatureArena.chunkSize + 123)
        let model = FeatureArenaTests.model()
        let arena = Self.built(store, model)
        let url = ArenaFile.url(in: dir), key = ArenaFile.key(store: store, model: model)
        try Self.write(arena, key, url)
        let back = FeatureArena(count: store.count)
        try ArenaFile.read(from: url, key: key, store: store, model: model, into: back)
        #expect(back.generation == model.featureGeneration)
        #expect(back.chunks.map(\.data) == arena.chunks.map(\.data))
        #expect(back.chunks.map(\.starts) == arena.chunks.map(\.starts))
        #expect(back.chunks.map(\.counts) == arena.chunks.map(\.counts))
        #expect(back.chunks.map(\.scales) == arena.chunks.map(\.scales))
        #expect(back.gramStarts == arena.gramStarts && back.gramSlots == arena.gramSlots)
        FeatureArenaTests.check(back, store, model)
    }

    @Test func otherMessagesSuppressionsOrDamageAreRejected() throws {
        let dir = TestSupport.tempDir("dyad-arena")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = FeatureArenaTests.store(700)
        let model = FeatureArenaTests.model()
        let url = ArenaFile.url(in: dir), key = ArenaFile.key(store: store, model: model)
        #expect(Self.rejection(url, key, store, model) == "there is no arena.bin")
        try Self.write(Self.built(store, model), key, url)
        #expect(Self.rejection(url, key, store, model) == nil)

        // One message more, or one message changed: other messages.
        var longer = store
        longer.append(Message(id: "extra", text: "one more message"))
        #expect(Self.rejection(url, ArenaFile.key(store: longer, model: model), longer, model) == "it was built from other messages")
        var edited = MessageStore()
        for i in 0..<store.count { edited.append(Message(id: store.id(i), text: i == 350 ? "changed" : store.text(i))) }
        #expect(Self.rejection(url, ArenaFile.key(store: edited, model: model), edited, model) == "it was built from other messages")
        // A suppressed term, or another hash size.
        var suppressed = model
        _ = suppressed.suppress(term: "bitcoin")
        #expect(Self.rejection(url, ArenaFile.key(store: store, model: suppressed), store, suppressed)
                == "it was built from other suppressed terms")
        let other = Classifier(config: EngineConfig(hashBits: 15))
        #expect(Self.rejection(url, ArenaFile.key(store: store, model: other), store, other)
                == "it was built from another featurizer configuration")

        // A flipped byte in the payload, a damaged header, a truncated file.
        var bytes = try [UInt8](Data(contentsOf: url))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: url)
        #expect(Self.rejection(url, key, store, model) == "its payload checksum does not match (the file is damaged)")
        bytes[bytes.count / 2] ^= 0x40
        bytes[20] ^= 1
        try Data(bytes).write(to: url)
        #expect(Self.rejection(url, key, store, model) == "its header is damaged")
        bytes[20] ^= 1
        try Data(bytes.prefix(bytes.count - 100)).write(to: url)
        #expect(Self.rejection(url, key, store, model) == "it ends early (the file is truncated)")
    }

    @Test func aFailedWriteLeavesNoPartialFile() throws {
        let dir = TestSupport.tempDir("dyad-arena")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = FeatureArenaTests.store(300)
        let model = FeatureArenaTests.model()
        // The target is a folder: the rename fails after the temporary file was written.
        let url = ArenaFile.url(in: dir)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("x"), withIntermediateDirectories: true)
        #expect(throws: ArenaFile.Rejection.self) {
            try Self.write(Self.built(store, model), ArenaFile.key(store: store, model: model), url)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left == ["arena.bin"], "\(left)")
    }

    @Test func featuresThatNoLongerMatchTheFeaturizerAreRejected() throws {
        // An arena of other texts under this store's key: what a changed tokenizer would leave behind.
        let dir = TestSupport.tempDir("dyad-arena")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = FeatureArenaTests.store(500)
        let model = FeatureArenaTests.model()
        var shifted = MessageStore()
        for i in 0..<store.count { shifted.append(Message(id: store.id(i), text: store.text((i + 1) % store.count))) }
        let url = ArenaFile.url(in: dir)
        try Self.write(Self.built(shifted, model), ArenaFile.key(store: store, model: model), url)
        let reason = Self.rejection(url, ArenaFile.key(store: store, model: model), store, model)
        #expect(reason?.hasSuffix("featurizes differently now (Dyad's featurizer changed)") == true, "\(reason ?? "accepted")")
    }

    @Test func aSecondWorkerReadsWhatTheFirstWrote() throws {
        let dir = TestSupport.tempDir("dyad-arena")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = FeatureArenaTests.store(FeatureArena.chunkSize + 9)
        let model = FeatureArenaTests.model()
        let url = ArenaFile.url(in: dir)
        func worker() -> RankWorker {
            RankWorker(store: store, config: model.config, inbox: JobInbox(), arenaFile: url, minimumMessages: 0)
        }
        let first = worker()
        first.prepareArena(model: model)
        first.waitForArenaFile()
        #expect(first.arenaLog == ["not read: there is no arena.bin", "written"])
        let second = worker()
        second.prepareArena(model: model)
        #expect(second.arenaLog == ["read"])
        #expect(second.arena.chunks.map(\.data) == first.arena.chunks.map(\.data))
        FeatureArenaTests.check(second.arena, store, model)
        // A read-only session reads the file but never writes one.
        try FileManager.default.removeItem(at: url)
        let reader = RankWorker(store: store, config: model.config, inbox: JobInbox(), arenaFile: url, writesArena: false, minimumMessages: 0)
        reader.prepareArena(model: model)
        reader.waitForArenaFile()
        #expect(reader.arenaLog == ["not read: there is no arena.bin"])
        #expect(!FileManager.default.fileExists(atPath: url.path))
        // Below the threshold no file is kept.
        let small = RankWorker(store: store, config: model.config, inbox: JobInbox(), arenaFile: url, minimumMessages: store.count + 1)
        #expect(small.arenaFile == nil)
    }
}
