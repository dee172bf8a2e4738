import Core
import Terminal
import Testing
@testable import Workbench

/// The message on screen changes only when the analyst moves on: a decision or a
/// skip shows the head of the queue; any other re-score (background consolidation,
/// a lexicon change) keeps the message being read.
struct CursorStaysTests {
    @Test func rescoreWithoutADecisionKeepsTheHeadMessage() throws {
        let (app, _, _) = Fixtures.app()
        app.press(.char("1"), .char("2"))
        var s = app.state
        #expect(s.cursor == 0)
        let shown = try #require(s.selected)
        // A fresh verdict makes another pending message the most urgent one.
        let other = try #require(s.queue.dropFirst().first { s.state(of: $0) == .new })
        var scores = s.scores
        scores[other].priority = 1_000
        _ = Reducer.reduce(&s, .scored(scores, generation: s.modelGeneration))
        #expect(s.selected == shown, "the re-score replaced the message on screen")
        #expect(s.cursor == 0)
    }

    @Test func decisionShowsTheHeadOfTheQueue() throws {
        let (app, _, sink) = Fixtures.app()
        app.press(.char("j"), .char("j"))
        let decided = try #require(app.state.selected)
        app.press(.char("1"))
        #expect(sink.records.last.map { $0.event.typeName } == "label")
        #expect(app.state.cursor == 0)
        #expect(app.state.selected != decided)
        #expect(app.state.selected.map { app.state.state(of: $0) } == .new)
    }

    @Test func skipBelowTheHeadShowsTheNextMessage() throws {
        let (app, _, _) = Fixtures.app()
        app.press(.char("1"))
        app.press(.char("j"), .char("j"))
        let skipped = try #require(app.state.selected)
        app.press(.char("s"))
        #expect(app.state.state(of: skipped) == .skipped)
        #expect(app.state.selected != skipped, "the skipped message is still on screen")
        #expect(app.state.cursor == 0)
    }
}
