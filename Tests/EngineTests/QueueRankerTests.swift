import Core
import Testing
@testable import Engine

@Suite struct QueueRankerTests {
    let preds: [Prediction] = [
        Prediction(labels: ["a", "b", "c"], probabilities: [0.90, 0.05, 0.05]),
        Prediction(labels: ["a", "b", "c"], probabilities: [0.40, 0.35, 0.25]),
        Prediction(labels: ["a", "b", "c"], probabilities: [0.50, 0.48, 0.02]),
        Prediction(labels: ["a", "b", "c"], probabilities: [0.34, 0.33, 0.33]),
    ]

    func order(_ s: QueueStrategy, seed: UInt64 = 1) -> [Int] {
        QueueRanker(strategy: s, seed: seed).rank(Array(0..<4), count: 4, prediction: { preds[$0] })
    }

    @Test func uncertaintyStrategies() {
        #expect(order(.leastConfidence) == [3, 1, 2, 0])
        #expect(order(.margin) == [3, 2, 1, 0])
        #expect(order(.entropy) == [3, 1, 2, 0])
        #expect(order(.file) == [0, 1, 2, 3])
        #expect(order(.confident) == [0, 2, 1, 3], "surest first")
        #expect(QueueRanker.uncertainty(.empty, strategy: .margin) == 1)
        #expect(abs(QueueRanker.uncertainty(preds[3], strategy: .entropy) - 0.99988) < 1e-4)
    }

    @Test func randomIsSeeded() {
        let many = Array(0..<50)
        let a = QueueRanker(strategy: .random, seed: 7).rank(many, count: 50, prediction: { _ in .empty })
        let b = QueueRanker(strategy: .random, seed: 7).rank(many, count: 50, prediction: { _ in .empty })
        let c = QueueRanker(strategy: .random, seed: 8).rank(many, count: 50, prediction: { _ in .empty })
        #expect(a == b)
        #expect(a != c)
        #expect(a.sorted() == many)
    }

    @Test func densityPrefersTypicalMessages() {
        let clf = Classifier(config: Fixtures.config)
        let texts = ["login password reset", "password reset link", "reset your password now", "zebra quantum xylophone"]
        let fvs = texts.map(clf.featurize)
        let density = DensityModel(vectors: fvs, hashBits: Fixtures.config.hashBits)
        let same = Prediction(labels: ["a", "b"], probabilities: [0.5, 0.5])
        let ranked = QueueRanker(strategy: .density).rank(Array(0..<4), count: 4, prediction: { _ in same },
                                                          features: { fvs[$0] }, density: density)
        #expect(ranked.last == 3)
    }

    @Test func batchSkipsNearDuplicates() {
        let clf = Classifier(config: Fixtures.config)
        let texts = ["invoice overdue pay now", "invoice overdue pay now!", "meeting at noon", "lunch at noon"]
        let fvs = texts.map(clf.featurize)
        let p = Prediction(labels: ["a", "b"], probabilities: [0.5, 0.5])
        let ranked = QueueRanker(strategy: .file).rank(Array(0..<4), count: 3, prediction: { _ in p }, features: { fvs[$0] })
        #expect(ranked == [0, 2, 3])
        let all = QueueRanker(strategy: .file).rank(Array(0..<4), count: 4, prediction: { _ in p }, features: { fvs[$0] })
        #expect(all == [0, 2, 3, 1])
    }

    @Test func labelCountsMoveRareClassesUp() {
        // Two equally uncertain messages, one predicted as a label seen 9 times, one as a label seen once.
        let common = Prediction(labels: ["a", "b"], probabilities: [0.6, 0.4])
        let rare = Prediction(labels: ["a", "b"], probabilities: [0.4, 0.6])
        let ranker = QueueRanker(strategy: .leastConfidence, rareBoost: 0.5)
        let counts = ["a": 9, "b": 1]
        #expect(ranker.rank([0, 1], count: 2, prediction: { $0 == 0 ? common : rare }) == [0, 1])
        #expect(ranker.rank([0, 1], count: 2, prediction: { $0 == 0 ? common : rare }, labelCounts: counts) == [1, 0])
        #expect(abs(QueueRanker.rarity(of: "b", counts: counts, boost: 0.5) - 5.0.squareRoot()) < 1e-12)
        #expect(QueueRanker.rarity(of: "b", counts: counts, boost: 0) == 1)
        // Off: the counts change nothing; random order ignores them.
        let off = QueueRanker(strategy: .leastConfidence, rareBoost: 0)
        #expect(off.rank([0, 1], count: 2, prediction: { $0 == 0 ? common : rare }, labelCounts: counts) == [0, 1])
        let random = QueueRanker(strategy: .random, seed: 3)
        #expect(random.rank(Array(0..<20), count: 20, prediction: { _ in .empty }, labelCounts: counts)
            == random.rank(Array(0..<20), count: 20, prediction: { _ in .empty }))
    }

    @Test func confidentOrderIgnoresRarity() {
        // The surest message first even when the rarity factor would lift the other.
        let sure = Prediction(labels: ["a", "b"], probabilities: [0.9, 0.1])
        let rare = Prediction(labels: ["a", "b"], probabilities: [0.3, 0.7])
        let ranker = QueueRanker(strategy: .confident, rareBoost: 1)
        #expect(ranker.rank([0, 1], count: 2, prediction: { $0 == 0 ? sure : rare }, labelCounts: ["a": 99, "b": 1]) == [0, 1])
    }
}
