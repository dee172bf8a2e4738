import Core
import Engine
import Testing
@testable import Workbench

/// The ranking worker's packed, word-split features score every message as the model does.
@Suite("Feature arena")
struct FeatureArenaTests {
    /// Messages over more than one chunk, sharing words and n-grams in many ways.
    static func store(_ n: Int) -> MessageStore {
        let words = ["encrypt", "encrypted", "bitcoin", "paypal", "verify", "password", "meeting", "thursday",
                     "ransom", "ransomware", "lockbit", "hxxp://evil[.]com", "10.0.0.1", "стиллер", "💸", "a", "aaaa"]
        var s = MessageStore()
        var x: UInt64 = 12345
        for i in 0..<n {
            var t: [String] = []
            for _ in 0..<(3 + i % 9) {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                t.append(words[Int(x >> 33) % words.count])
            }
            t.append("case \(i % 997)")
            _ = s.append(Message(id: "m\(i)", text: t.joined(separator: " ")))
        }
        return s
    }

    static func model() -> Classifier {
        var m = Classifier(config: EngineConfig(hashBits: 14))
        for (t, l) in [("verify your paypal password", "phishing"), ("ransomware encrypted pay bitcoin", "ransomware"),
                       ("meeting moved to thursday", "benign"), ("lockbit ransom note", "ransomware"),
                       ("стиллер 💸 недорого", "fraud")] {
            m.learn(t, label: l)
        }
        _ = m.addLexiconTerm("bitcoin", label: "ransomware")
        _ = m.boost(term: "paypal", label: "phishing")
        return m
    }

    static func check(_ arena: FeatureArena, _ store: MessageStore, _ model: Classifier) {
        let sums = arena.wordSums(model: model)
        var failures = 0
        sums.withUnsafeBufferPointer { sums in
            arena.score(0..<store.count, model: model, sums: sums) { i, scratch in
                let expected = model.predict(store.text(i)).probabilities
                for (a, b) in zip(scratch.probabilities, expected) where abs(a - b) > 1e-5 && failures == 0 {
                    failures += 1
                    Issue.record("message \(i): \(a) vs \(b)")
                }
            }
        }
    }

    @Test func everyMessageScoresAsPredictAcrossChunks() {
        let store = Self.store(FeatureArena.chunkSize * 2 + 77)
        let model = Self.model()
        let arena = FeatureArena(count: store.count)
        arena.ensure(store: store, model: model)
        #expect(arena.chunks.count == 3)
        #expect(arena.distinctWords > 10)
        Self.check(arena, store, model)
    }

    @Test func wordIDsAreTheSameOnEveryBuild() {
        let store = Self.store(FeatureArena.chunkSize + 500)
        let model = Self.model()
        let a = FeatureArena(count: store.count), b = FeatureArena(count: store.count)
        a.ensure(store: store, model: model)
        b.ensure(store: store, model: model)
        #expect(a.gramSlots == b.gramSlots)
        #expect(a.chunks.map(\.data) == b.chunks.map(\.data))
    }

    @Test func suppressionRebuildsTheArena() {
        let store = Self.store(300)
        var model = Self.model()
        let arena = FeatureArena(count: store.count)
        arena.ensure(store: store, model: model)
        let before = arena.generation
        _ = model.suppress(term: "bitcoin")
        arena.ensure(store: store, model: model)
        #expect(arena.generation != before)
        Self.check(arena, store, model)
    }
}
