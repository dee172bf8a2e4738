import Core
import Engine
import Testing
@testable import Workbench

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
