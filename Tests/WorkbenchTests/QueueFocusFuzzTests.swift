import Core
import Engine
import Journal
import Terminal
import Testing
@testable import Workbench

/// Seeded random key sequences through the focus: after every key the focus count equals
/// a recount, the cursor is on a queued row, the queue holds every message once in its
/// section, and a focused cursor after a decision is on a row in focus.
@Suite("Queue focus under random keys")
struct QueueFocusFuzzTests {
    /// The keys drawn from (repeats weigh): undo nearly as often as a decision, so the ten
    /// messages do not all end up labeled and the focus keeps something to narrow to.
    static let keys: [Key] = [.char("f"), .char("f"), .char("f"), .enter, .char("j"), .char("j"), .char("k"), .char("G"),
                              .char("g"), .pageDown, .char("1"), .char("2"), .char("3"), .char("s"), .char("u"), .char("u"),
                              .char("u"), .char("V"), .char("V"), .char("y"), .char("o"), .escape, .char("n"), .char("l"), .char("l")]

    /// Phrases a limit is set to (`l`): some match several messages, one none.
    static let phrases = ["your", "email", "the", "a", "zebra"]

    /// Pending messages in the focus and limit in force, counted the slow way.
    static func slowCount(_ s: AppState) -> Int {
        let label = s.focus.map { s.model.labels.firstIndex(of: $0).map { Int32($0) } ?? Int32.min }
        return s.queue.filter { i in
            s.book.status(of: i) == .pending && (label == nil || s.scores[i].top == label)
                && (s.limit.map { s.store.text(i).lowercased().contains($0.query.lowercased()) } ?? true)
        }.count
    }

    static func check(_ s: AppState, step: Int) {
        if let label = s.focus, s.limit == nil {
            #expect(s.focusCount == QueueFocusTests.inFocus(s, label).count, "step \(step): count \(s.focusCount)")
        }
        if QueueFocus.active(s) {
            #expect(s.focusCount == slowCount(s), "step \(step): count \(s.focusCount) under focus \(s.focus ?? "-") limit \(s.limit?.query ?? "-")")
            #expect(s.focusCount > 0, "step \(step): an empty focus was not ended")
        }
        #expect(s.queue.isEmpty || s.queue.indices.contains(s.cursor), "step \(step): cursor \(s.cursor)")
        #expect(s.scroll <= max(0, s.cursor), "step \(step): the cursor is above the pane")
        RankedQueueTests.expectConsistent(s)
    }

    func run(_ app: App, seed: UInt64, steps: Int, settle: ((App) -> Void)? = nil) {
        var rng = BenchRandom(seed: seed)
        var focused = 0, pages = 0, limited = 0
        for step in 0..<steps {
            // Like an analyst who works under a focus: seldom leaves it, often sets one.
            var k = Self.keys[rng.below(Self.keys.count)]
            if app.state.focus != nil, k == .char("f"), rng.below(4) > 0 { k = .char("j") }
            if app.state.focus == nil, app.state.mode == .normal, rng.below(3) == 0 { k = .char("f") }
            // With nothing left pending the analyst takes decisions back (else the walk stalls).
            if app.state.mode == .normal, app.state.queue.count(of: .pending) == 0, rng.below(2) == 0 { k = .char("u") }
            // Undo stops at the decisions: the label definitions stay.
            if k == .char("u"), app.state.journal.decisions.isEmpty, app.state.journal.skipped.isEmpty { k = .char("j") }
            app.press(k)
            // An open picker mostly gets its Enter (else the typed keys filter or Esc cancels).
            if case .pickLabel = app.state.mode, rng.below(3) > 0 {
                for _ in 0..<rng.below(3) { app.press(.down) }
                app.press(.enter)
            }
            // A query that matches nothing is left, as an analyst would.
            if case .pickLabel(let p) = app.state.mode, p.chosen(in: app.state.journal.labels) == nil { app.press(.escape) }
            // The limit's prompt gets a phrase and mostly its Enter.
            if case .limit = app.state.mode {
                app.type(Self.phrases[rng.below(Self.phrases.count)])
                app.press(rng.below(4) > 0 ? .enter : .escape)
                if app.state.limit != nil { limited += 1 }
            }
            if case .confirmBulk = app.state.mode { pages += 1 }
            if case .cycleReport = app.state.mode { app.press(.escape) }
            settle?(app)
            Self.check(app.state, step: step)
            if app.state.focus != nil { focused += 1 }
        }
        // The sequence really exercised the focus and its page confirmation.
        #expect(focused >= steps / 20, "focused in only \(focused) of \(steps) steps")
        #expect(pages > 0, "no page confirmation was asked for")
        #expect(limited > 0, "no limit was set")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func smallQueue(seed: UInt64) {
        let (app, _, _) = QueueFocusTests.taught()
        run(app, seed: seed, steps: 300)
    }

    @Test func rankedQueue() {
        let (app, _) = RankedQueueTests.app()
        run(app, seed: 9, steps: 250) { RankedQueueTests.settle($0) }
    }
}
