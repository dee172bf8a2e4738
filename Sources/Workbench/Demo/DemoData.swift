import Core
import Engine
import Insight

/// The messages of a demo: a pool the learners label from and a test set they are scored on.
public struct DemoData: Sendable {
    /// All messages of the demo file (the pool is a subset).
    public let store: MessageStore
    /// Store indices the learners may label (messages with a gold label, not in the test set).
    public let pool: [Int]
    /// Test texts.
    public let testTexts: [String]
    /// Gold labels of the test texts.
    public let testGold: [String]
    /// Where the test set came from: a file path, or `holdout 20%`.
    public let testSource: String
    /// The labels, sorted (gold labels of pool and test).
    public let labels: [String]

    /// A demo over `store`, scored on `test` when given, else on a seeded `holdout` share of `store`.
    public init(store: MessageStore, test: MessageStore?, testSource: String? = nil, holdout: Double = 0.2, seed: UInt64) {
        self.store = store
        let golden = (0..<store.count).filter { store.gold($0) != nil }
        if let test {
            let withGold = (0..<test.count).filter { test.gold($0) != nil }
            pool = golden
            testTexts = withGold.map { test.text($0) }
            testGold = withGold.map { test.gold($0) ?? "" }
            self.testSource = testSource ?? "test file"
        } else {
            var rng = SeededGenerator(seed: seed ^ 0x7E57)
            let count = Int((Double(golden.count) * min(0.9, max(0, holdout))).rounded())
            let picked = Set(rng.sample(golden.count, count: count).map { golden[$0] })
            pool = golden.filter { !picked.contains($0) }
            let testIndices = golden.filter { picked.contains($0) }
            testTexts = testIndices.map { store.text($0) }
            testGold = testIndices.map { store.gold($0) ?? "" }
            self.testSource = testSource ?? "seeded holdout \(Int((holdout * 100).rounded()))% of the file"
        }
        labels = Set(pool.compactMap { store.gold($0) } + testGold).sorted()
    }

    /// The same demo over `store` (the workbench's copy of the messages): the pool is mapped by message id.
    public init(rebasing other: DemoData, onto store: MessageStore) {
        self.store = store
        pool = other.pool.compactMap { store.index(ofID: other.store.id($0)) }.filter { store.gold($0) != nil }
        testTexts = other.testTexts
        testGold = other.testGold
        testSource = other.testSource
        labels = other.labels
    }
}
