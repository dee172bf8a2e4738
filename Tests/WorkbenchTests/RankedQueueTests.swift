import Core
import Engine
import Foundation
import Journal
import Terminal
import Testing
@testable import Workbench

/// A queue ranked by the background worker (as at a million messages), on the fixture's messages.
@Suite("Background ranking")
struct RankedQueueTests {
    /// The fixture loop with the ranking worker on (any queue above 4 messages) and consolidation off.
    static func app() -> (App, MemorySink) {
        let sink = MemorySink()
        let state = AppState(store: Fixtures.store(), journal: JournalState(), model: Classifier(), strategy: .margin,
                             analyst: "tester", workspacePath: ".dyad", readOnly: false, keyMap: .standard,
                             theme: BuiltinThemes.dark, cycleLength: 4)
        let app = App(state: state, backend: MemoryBackend(width: 100, height: 30), sink: sink, records: [],
                      config: EngineConfig(), themePaths: [], insight: { _ in InsightSummary() })
        app.syncScoreLimit = 4
        app.consolidation.enabled = false
        for l in ["phishing", "data-leak", "benign"] { app.perform([.append(.labelDefined(name: l, key: nil, description: nil))]) }
        app.start()
        return (app, sink)
    }

    /// Turns the loop until the worker is idle and every verdict is the live model's.
    static func settle(_ app: App) {
        for _ in 0..<5000 {
            // Idle first, then drain: a worker delivers its ranking before it reports idle.
            let idle = !app.inbox.isRunning(RankWorker.job)
            let actions = app.inbox.drain()
            for a in actions { app.dispatch(a) }
            if idle, actions.isEmpty, app.isRankingCurrent { return }
            usleep(2000)
        }
    }

    /// Every message once, each section holding the messages of its status, labeled latest first.
    static func expectConsistent(_ s: AppState) {
        let rows = Array(s.queue)
        #expect(rows.sorted() == Array(0..<s.store.count))
        let p = s.book.counts[0], k = s.book.counts[1]
        for (r, i) in rows.enumerated() {
            let want: QueueBook.Status = r < p ? .pending : r < p + k ? .skipped : .labeled
            #expect(s.book.status(of: i) == want, "row \(r)")
            #expect(s.row(of: i) == r)
        }
        let labeled = rows.suffix(s.book.counts[2]).map { s.book.decidedSeq[$0] }
        #expect(labeled == labeled.sorted(by: >))
    }

    @Test func rankingsKeepSectionsAndDeliverTheLiveModelsTopTerms() throws {
        let (app, sink) = Self.app()
        #expect(app.state.termsFromRanking)
        Self.settle(app)
        for key in ["1", "j", "3", "2", "j", "j", "1", "3"] {
            app.dispatch(.key(.char(Character(key)), at: 0))
            Self.expectConsistent(app.state)
        }
        Self.settle(app)
        let s = app.state
        Self.expectConsistent(s)
        // The replica is bit-identical, so the delivered terms are exactly the live model's.
        let terms = try #require(s.rankedTerms)
        #expect(terms.generation == s.modelGeneration)
        #expect(terms.byLabel == s.model.topTermsByLabel(count: RankedTerms.count))
        // Below the head (kept on screen), pending messages are in priority order.
        let pending = s.queue.pending.dropFirst()
        for (a, b) in zip(pending, pending.dropFirst()) {
            let pa = s.scores[a].priority, pb = s.scores[b].priority
            #expect(pa > pb || (pa == pb && a < b))
        }
        #expect(s.rankedConfidences.count == s.store.count)
        // Five decisions with cycles of four: one cycle closed, from the delivered snapshot.
        #expect(sink.records.contains { if case .cycleClosed = $0.event { true } else { false } })
    }
}

/// A re-score of the head that the analyst did not ask for never swaps the message on screen.
@Suite("Head re-score keeps the message being read")
struct HeadRescoreTests {
    /// Scores that reverse the priority of the first `m` pending rows.
    static func reversing(_ s: AppState, _ m: Int) -> (indices: [Int], scores: [Scored]) {
        let head = s.queue.pendingHead(m)
        let scores = head.enumerated().map { k, i -> Scored in
            var v = s.scores[i]
            v.priority = Float(k + 1)  // the last row gets the highest priority
            v.generation = s.modelGeneration
            return v
        }
        return (head, scores)
    }

    @Test func aConsolidationLandingDoesNotSwapTheHead() {
        let (app, _) = RankedQueueTests.app()
        RankedQueueTests.settle(app)
        app.dispatch(.key(.char("1"), at: 0))
        RankedQueueTests.settle(app)
        let reading = app.state.selected
        #expect(app.state.cursor == 0)
        let (indices, scores) = Self.reversing(app.state, 4)
        app.dispatch(.headScored(indices: indices, scores: scores, generation: app.state.modelGeneration))
        #expect(app.state.selected == reading)
        #expect(app.state.cursor == 0)
    }

    @Test func afterADecisionTheHeadIsTheBestFreshScore() {
        let (app, _) = RankedQueueTests.app()
        RankedQueueTests.settle(app)
        app.state.advanceToHead = true  // as a decision leaves it
        let (indices, scores) = Self.reversing(app.state, 4)
        app.dispatch(.headScored(indices: indices, scores: scores, generation: app.state.modelGeneration))
        #expect(app.state.selected == indices.last)
        #expect(app.state.cursor == 0)
        #expect(!app.state.advanceToHead)
    }
}

/// Before the first decision a large queue shows no guesses, as a small one does.
@Suite("Untrained ranking")
struct UntrainedRankingTests {
    @Test func anUntrainedModelShowsNoLabelOnAnyRow() {
        let (app, _) = RankedQueueTests.app()
        RankedQueueTests.settle(app)
        #expect(app.state.model.labels.count == 3)
        #expect(app.state.scores.count == app.state.store.count)
        #expect(app.state.scores.allSatisfy { $0.top == -1 })
        app.dispatch(.key(.char("1"), at: 0))
        RankedQueueTests.settle(app)
        #expect(app.state.scores.contains { $0.top >= 0 })
    }
}
