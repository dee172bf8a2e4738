import Core
import Engine
import Testing
@testable import Workbench

/// The ranking worker's verdict from raw probabilities equals the one from a `Prediction`.
@Suite("Queue scorer")
struct QueueScorerTests {
    @Test func verdictFromProbabilitiesEqualsVerdictFromPrediction() {
        let labels = ["a", "b", "c", "d"]
        let cases: [[Double]] = [[0.7, 0.1, 0.15, 0.05], [0.25, 0.25, 0.25, 0.25], [0, 0, 1, 0], [0.4, 0.5, 0.05, 0.05]]
        for p in cases {
            for strategy in QueueStrategy.allCases {
                let a = QueueScorer.verdict(Prediction(labels: labels, probabilities: p), labels: labels, strategy: strategy,
                                            index: 17, seed: 3, generation: 5)
                let b = QueueScorer.verdict(probabilities: p, strategy: strategy, index: 17, seed: 3, generation: 5)
                #expect(a == b, "\(p) \(strategy)")
            }
        }
        let empty = QueueScorer.verdict(.empty, labels: [], strategy: .margin, index: 0, seed: 0, generation: 1)
        #expect(QueueScorer.verdict(probabilities: [], strategy: .margin, index: 0, seed: 0, generation: 1) == empty)
    }
}
