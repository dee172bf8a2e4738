import Core
import Engine
import Journal
import Terminal
import Testing
@testable import Workbench

/// `f`: triage narrowed to the pending messages the model gives one label.
@Suite("Queue focus on a model label")
struct QueueFocusTests {
    /// The pending messages the model gives `label`, in queue order, counted the slow way.
    static func inFocus(_ s: AppState, _ label: String) -> [Int] {
        guard let k = s.model.labels.firstIndex(of: label) else { return [] }
        return s.queue.filter { s.book.status(of: $0) == .pending && s.scores[$0].top == Int32(k) }
    }

    /// The fixture after three decisions, so the model gives the pending messages labels.
    static func taught() -> (App, MemoryBackend, MemorySink) {
        let (app, backend, sink) = Fixtures.app(width: 100, height: 30)
        for _ in 0..<3 {
            let i = app.state.selected!
            let gold = app.state.store.gold(i)!
            app.press(.char(Character(app.state.journal.labels.active.first { $0.name == gold }!.key!)))
        }
        return (app, backend, sink)
    }

    /// The label the model gives most pending messages.
    static func busiest(_ s: AppState) -> String {
        s.model.labels.max { inFocus(s, $0).count < inFocus(s, $1).count }!
    }

    static func focus(_ app: App, on label: String) {
        app.press(.char("f"))
        app.type(label)
        app.press(.enter)
    }

    @Test func thePickerStartsOnTheLabelWithTheMostPendingMessages() throws {
        let (app, _, _) = Self.taught()
        app.press(.char("f"))
        guard case .pickLabel(let pick) = app.state.mode, case .focus(let counts) = pick.purpose else {
            Issue.record("f opens no focus picker"); return
        }
        let chosen = try #require(pick.chosen(in: app.state.journal.labels)?.name)
        #expect(counts[chosen] == counts.values.max(), "starts on \(chosen) of \(counts)")
        // Enter right away focuses on it.
        app.press(.enter)
        #expect(app.state.focus == chosen)
    }

    @Test func focusShowsOnlyThatLabelAndMovesWithinIt() throws {
        let (app, backend, _) = Self.taught()
        let label = Self.busiest(app.state)
        let expected = Self.inFocus(app.state, label)
        try #require(expected.count >= 2, "the fixture needs two messages in focus")
        Self.focus(app, on: label)
        #expect(app.state.focus == label)
        #expect(app.state.focusCount == expected.count)
        #expect(app.state.selected == expected[0])
        // The queue pane lists exactly the messages in focus, in queue order.
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Focus \(label) · \(expected.count) to go"), "\(screen)")
        for i in expected { #expect(screen.contains(String(app.state.store.text(i).prefix(20))), "missing \(i)") }
        let others = app.state.queue.filter { !expected.contains($0) && app.state.book.status(of: $0) == .pending }
        for i in others { #expect(!backend.lines[1..<29].contains { $0.hasPrefix("│·") && $0.contains(String(app.state.store.text(i).prefix(24))) }) }
        // j and k step over the rows outside the focus; G and g go to its ends.
        app.press(.char("j"))
        #expect(app.state.selected == expected[1])
        app.press(.char("G"))
        #expect(app.state.selected == expected.last)
        app.press(.char("g"))
        #expect(app.state.selected == expected[0])
        app.press(.char("k"))
        #expect(app.state.selected == expected[0], "nothing above the first in focus")
    }

    @Test func decisionsMoveToTheNextInFocusAndTheFocusEndsWhenNoneIsLeft() throws {
        let (app, _, sink) = Self.taught()
        let label = Self.busiest(app.state)
        Self.focus(app, on: label)
        var rounds = 0
        while app.state.focus != nil, rounds < 20 {
            let shown = try #require(app.state.selected)
            #expect(Self.inFocus(app.state, label).first == shown, "the cursor is on the first message in focus")
            let before = sink.records.count
            app.press(.enter)
            // The decision, then (every fifth) the cycle it closes, whose report the next key dismisses.
            guard case .label(let d) = sink.records.dropFirst(before).first?.event else { Issue.record("Enter journaled no label"); return }
            if case .cycleReport = app.state.mode { app.press(.escape) }
            #expect(d.messageID == app.state.store.id(shown))
            // The count stays exact as the model moves with every decision.
            if app.state.focus != nil { #expect(app.state.focusCount == Self.inFocus(app.state, label).count) }
            rounds += 1
        }
        #expect(app.state.focus == nil)
        #expect(Self.inFocus(app.state, label).isEmpty)
        #expect(app.state.flash?.kind == .saved, "the saved marker stays")
        // Said after the saved marker, also when the last decision closed a cycle.
        let said = app.state.flash?.text ?? ""
        #expect(said.contains("focus cleared"), "\(said)")
    }

    @Test func fAgainShowsTheWholeQueueAndThePickerCountsPendingPerLabel() throws {
        let (app, backend, _) = Self.taught()
        let label = Self.busiest(app.state)
        app.press(.char("f"))
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Focus on a model label · 3 of 3"))
        #expect(screen.contains("\(Self.inFocus(app.state, label).count) pending"))
        #expect(backend.lines[29].contains("Enter focuses"))
        app.type(label)
        app.press(.enter)
        #expect(app.state.focus == label)
        app.press(.char("f"))
        #expect(app.state.focus == nil)
        #expect(!backend.lines.joined().contains("Focus \(label) ·"), "the focus title stayed")
        #expect(backend.lines.joined().contains("Queue "))
    }

    @Test func aLabelTheModelGivesNoPendingMessageIsRefused() {
        let (app, _, _) = Self.taught()
        let none = app.state.journal.labels.active.map(\.name).first { Self.inFocus(app.state, $0).isEmpty }
        guard let none else { return }  // every label is someone's top: nothing to refuse here
        Self.focus(app, on: none)
        #expect(app.state.focus == nil)
        #expect(app.state.flash?.kind == .warning)
    }

    @Test func aRankedQueueKeepsTheFocusCountExact() throws {
        let (app, _) = RankedQueueTests.app()
        for k in ["1", "2", "3"] {
            app.press(.char(Character(k)))
            RankedQueueTests.settle(app)
        }
        let label = Self.busiest(app.state)
        Self.focus(app, on: label)
        try #require(app.state.focus == label)
        for _ in 0..<2 where app.state.focus != nil {
            let shown = try #require(app.state.selected)
            #expect(app.state.scores[shown].top == Int32(app.state.model.labels.firstIndex(of: label)!))
            app.press(.char("s"))
            RankedQueueTests.settle(app)
            if app.state.focus != nil { #expect(app.state.focusCount == Self.inFocus(app.state, label).count) }
        }
    }

    @Test func aRescoreKeepsTheMessageOnTheFocusHeadEvenWhenItLeavesTheFocus() throws {
        let (app, _, _) = Self.taught()
        let label = Self.busiest(app.state)
        Self.focus(app, on: label)
        var s = app.state
        let shown = try #require(s.selected)
        // A fresh verdict gives the message on screen another label and sends it down the queue.
        var scores = s.scores
        let other = Int32(s.model.labels.firstIndex { $0 != label }!)
        scores[shown].top = other
        scores[shown].priority = -1
        _ = Reducer.reduce(&s, .scored(scores, generation: s.modelGeneration))
        #expect(s.selected == shown, "the re-score replaced the message on screen")
        #expect(QueueFocus.visibleRows(s, from: s.scroll, limit: 1).first == s.cursor, "it is no longer the first row shown")
        #expect(s.focusCount == Self.inFocus(s, label).count)
    }

    @Test func aLargeCountNeverRunsIntoALongName() throws {
        let (app, backend, _) = Fixtures.app(width: 60, height: 30)
        let long = "command-and-control-over-legitimate-webs"
        app.perform([.append(.labelDefined(name: long, key: nil, description: nil))])
        app.state.mode = .pickLabel(LabelPick(purpose: .focus(counts: [long: 1_328_450, "phishing": 3])))
        app.draw()
        let row = try #require(backend.lines.first { $0.contains("1328450 pending") }, "\(backend.lines.joined(separator: "\n"))")
        #expect(row.contains("… ") || row.contains(long + " "), "the count runs into the name: \(row)")
        #expect(backend.lines.contains { $0.contains("phishing") && $0.contains("3 pending") })
        #expect(backend.lines.contains { $0.contains("benign") && $0.contains("0 pending") })
    }

    @Test func vConfirmsThePageShownAfterAskingAndOneUndoTakesItBack() throws {
        let (app, backend, sink) = Self.taught()
        app.press(.char("V"))
        #expect(app.state.mode == .normal, "no page to confirm without a focus")
        #expect(app.state.flash?.text.contains("focus on it first") == true)
        let label = Self.busiest(app.state)
        Self.focus(app, on: label)
        let shown = Self.inFocus(app.state, label)
        let before = sink.records.count
        app.press(.char("V"))
        #expect(app.state.mode == .confirmBulk(BulkAsk(label: label, messages: shown, origin: .focus, what: "shown")))
        #expect(backend.lines[29].contains("\(shown.count) messages shown → \(label)? y/Enter yes, other keys no"), "\(backend.lines[29])")
        app.press(.char("n"))
        #expect(sink.records.count == before, "another key cancels")
        app.press(.char("V"), .char("y"))
        let r = try #require(sink.records.dropFirst(before).first)
        guard case .bulkLabel(let b) = r.event else { Issue.record("expected one bulk label, got \(r.event.typeName)"); return }
        #expect(b.label == label && b.messageIDs == shown.map { app.state.store.id($0) } && b.cluster == nil)
        #expect(shown.allSatisfy { app.state.journal.decisions[app.state.store.id($0)]?.label == label })
        #expect(shown.allSatisfy { app.state.journal.decisions[app.state.store.id($0)]?.origin == .focus })
        // The page went into the book message by message: the queue is as a full re-derivation makes it.
        RankedQueueTests.expectConsistent(app.state)
        let derived = QueueBook(store: app.state.store, journal: app.state.journal)
        #expect(app.state.book.status == derived.status && app.state.book.decidedSeq == derived.decidedSeq)
        #expect((0..<app.state.store.count).allSatisfy { app.state.book.label(of: $0) == derived.label(of: $0) })
        if case .cycleReport = app.state.mode { app.press(.escape) }
        app.press(.char("u"))
        #expect(shown.allSatisfy { app.state.journal.decisions[app.state.store.id($0)] == nil }, "one undo takes the page back")
        #expect(app.state.selected == shown.first, "the cursor is back on the first of them, not on whatever its old row holds")
        #expect(app.state.flash?.text.hasSuffix("undid \(shown.count) messages → \(label)") == true, "\(app.state.flash?.text ?? "")")
    }

    @Test func undoingAPageTakesItOutOfTheOpenCycle() throws {
        let (app, backend, _) = Self.taught()
        app.state.cycle.length = 100
        let before = app.state.cycle.decisions.count
        let label = Self.busiest(app.state)
        Self.focus(app, on: label)
        let shown = Self.inFocus(app.state, label)
        app.press(.char("V"), .char("y"))
        #expect(app.state.cycle.decisions.count == before + shown.count)
        #expect(app.state.cycle.atOnce == shown.count)
        #expect(app.state.cycle.perLabel[label, default: 0] >= shown.count)
        app.press(.char("u"))
        #expect(app.state.cycle.decisions.count == before, "the undone page still counts in the cycle")
        #expect(app.state.cycle.atOnce == 0)
        // Closed, the cycle records how many of its decisions were made at once.
        if app.state.focus == nil { Self.focus(app, on: label) }
        app.press(.char("V"), .char("y"), .char("C"))
        #expect(app.state.journal.cycles.last?.atOnce == shown.count)
        #expect(backend.lines.contains { $0.contains("(\(shown.count) of them at once, not in the agreement)") }, "the cycle report")
        #expect(app.state.journal.cycles.last?.decisions == before + shown.count)
        let ids = Set(shown.map { app.state.store.id($0) })
        #expect(!app.state.cycle.decisions.contains { ids.contains($0.messageID) })
    }

    @Test func visibleRowsWithoutAFocusAreThePageFromTheScrollRow() {
        let (app, _, _) = Fixtures.app()
        let s = app.state
        #expect(QueueFocus.visibleRows(s, from: 2, limit: 3) == [2, 3, 4])
        #expect(QueueFocus.visibleRows(s, from: s.queue.count - 1, limit: 3) == [s.queue.count - 1])
        #expect(QueueFocus.visibleRows(s, from: s.queue.count + 5, limit: 3).isEmpty, "a scroll row past the end shows nothing")
    }

    @Test func aPageThatEndsTheFocusAndClosesTheCycleSaysBoth() throws {
        let (app, _, sink) = Self.taught()
        let label = Self.busiest(app.state)
        Self.focus(app, on: label)
        let shown = Self.inFocus(app.state, label)
        // The page holds every message in focus, and its size is what the cycle lacks.
        app.state.cycle.length = app.state.cycle.decisions.count + shown.count
        app.press(.char("V"), .char("y"))
        guard case .cycleClosed = sink.records.last?.event else { Issue.record("the page did not close the cycle"); return }
        #expect(app.state.focus == nil)
        let said = app.state.flash?.text ?? ""
        #expect(said.contains("closed") && said.hasSuffix("focus cleared"), "\(said)")
    }

    @Test func theModelsTrackRecordOnTheLabelIsKeptAndShown() throws {
        let (app, backend, _) = Self.taught()
        app.state.cycle.length = 100
        let label = Self.busiest(app.state)
        Self.focus(app, on: label)
        let start = app.state.focusRecord
        #expect(start == QueueFocus.record(app.state, label: label), "read from the journal when the focus is set")
        // Enter: the model's call confirmed; another label: the model's call refused.
        app.press(.enter)
        if app.state.focus != nil {
            let other = app.state.journal.labels.active.first { $0.name != label }!
            app.press(.char(Character(other.key!)))
        }
        let record = app.state.focusRecord
        #expect(record == QueueFocus.record(app.state, label: label) || app.state.focus == nil, "kept in step with the journal")
        if app.state.focus != nil {
            #expect(Array(record.suffix(2)) == [true, false], "\(record)")
            let right = record.filter { $0 }.count
            #expect(backend.lines.joined().contains("· \(right)/\(record.count) right"))
            // An undo takes the last call back out.
            app.press(.char("u"))
            #expect(app.state.focusRecord == Array(record.dropLast()))
        }
    }
}
