import Core
import Engine
import Testing
@testable import Workbench

/// The workbench's queue moves uncertain messages of rarely labeled classes up, as the simulation does.
@Suite("Queue scorer")
struct QueueScorerTests {
    @Test func rarityScalesUncertaintyByTheTopLabel() {
        let labels = ["common", "rare"]
        let rarity = QueueScorer.rarity(labels: labels, counts: ["common": 90, "rare": 10])
        #expect(rarity[1] > 1 && rarity[0] < 1)
        let p = Prediction(labels: labels, probabilities: [0.3, 0.7])
        let plain = QueueScorer.verdict(p, labels: labels, strategy: .margin, index: 0, seed: 1, generation: 0)
        let boosted = QueueScorer.verdict(p, labels: labels, strategy: .margin, index: 0, seed: 1, generation: 0,
                                          rarity: rarity)
        #expect(plain.top == 1)
        #expect(abs(boosted.priority - plain.priority * rarity[1]) < 1e-6)
        // Random and file order are not uncertainty: no factor.
        let random = QueueScorer.verdict(p, labels: labels, strategy: .random, index: 3, seed: 1, generation: 0)
        #expect(QueueScorer.verdict(p, labels: labels, strategy: .random, index: 3, seed: 1, generation: 0,
                                    rarity: rarity).priority == random.priority)
        // Confident order is the top label's probability, with no factor either.
        let sure = QueueScorer.verdict(p, labels: labels, strategy: .confident, index: 0, seed: 1, generation: 0, rarity: rarity)
        #expect(abs(sure.priority - 0.7) < 1e-6)
        // No counts yet: every factor is 1.
        #expect(QueueScorer.rarity(labels: labels, counts: [:]) == [1, 1])
    }
}
