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

/// Insight over a very large queue looks at a sample that keeps every labeled message.
@Suite("Insight sample")
struct InsightSampleTests {
    static func store(_ n: Int) -> MessageStore {
        var s = MessageStore()
        for i in 0..<n { _ = s.append(Message(id: "m\(i)", text: "message number \(i)")) }
        return s
    }

    @Test func smallStoresAreWhole() {
        let s = InsightSample(Self.store(50), keep: [3], limit: 100)
        #expect(s.isWhole)
        #expect(s.store.count == 50)
        #expect(s.global(7) == 7)
        #expect(s.local([3: "a"]) == [3: "a"])
    }

    @Test func largeStoresKeepLabeledAndMapBack() {
        let full = Self.store(1000)
        let s = InsightSample(full, keep: [997, 501], limit: 100)
        #expect(!s.isWhole)
        #expect(s.store.count == 100)
        #expect(s.indices == s.indices.sorted())
        let local = s.local([997: "x", 501: "y"])
        #expect(local.count == 2)
        for (p, l) in local {
            #expect(s.store.text(p) == full.text(s.global(p)))
            #expect([997: "x", 501: "y"][s.global(p)] == l)
        }
    }
}

/// After decisions move messages, every message's row is still found exactly.
@Suite("Queue rows")
struct QueueRowTests {
    @Test func rowOfEveryMessageMatchesTheQueueAfterDecisions() {
        let (app, _, _) = Fixtures.app()
        for (moves, label) in [(3, "1"), (0, "2"), (5, "1"), (2, "3"), (7, "2")] {
            for _ in 0..<moves { app.dispatch(.key(.char("j"), at: 0)) }
            app.dispatch(.key(.char(Character(label)), at: 0))
        }
        let q = app.state.queue
        #expect(app.state.book.counts[2] >= 3)
        for i in 0..<app.state.store.count { #expect(app.state.row(of: i) == q.firstIndex(of: i), "message \(i)") }
        #expect(app.state.row(of: app.state.store.count + 5) == nil)
    }
}
