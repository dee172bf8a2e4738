import Core
import Engine
@testable import Journal
import Terminal
import Testing
@testable import Workbench

/// `w`: the model's reasons weighed against a label the analyst names, and, unasked, against
/// the analyst's own label where the two differ.
@Suite("Why not: reasons against a chosen label")
struct WhyNotTests {
    /// A label the model does not give the selected message.
    static func other(_ s: AppState) -> String {
        let top = s.model.predict(s.store.text(s.selected!)).top
        return s.journal.labels.active.map(\.name).first { $0 != top }!
    }

    @Test("w and f before the model has learned say so instead of opening a picker; w starts on the runner-up")
    func pickersWaitForAModel() throws {
        let (fresh, _, _) = Fixtures.app()
        for key in ["w", "f"] {
            fresh.press(.char(Character(key)))
            #expect(fresh.state.mode == .normal, "\(key)")
            #expect(fresh.state.flash?.text.contains("learned nothing yet") == true, "\(fresh.state.flash?.text ?? "")")
        }
        let (app, _, _) = QueueFocusTests.taught()
        let i = try #require(app.state.selected)
        let runnerUp = try #require(app.state.model.predict(app.state.store.text(i)).runnerUp)
        app.press(.char("w"))
        guard case .pickLabel(let pick) = app.state.mode else { Issue.record("w opens no picker"); return }
        #expect(pick.chosen(in: app.state.journal.labels)?.name == runnerUp)
    }

    @Test func wExplainsAgainstThePickedLabelUntilPressedAgain() throws {
        let (app, backend, _) = QueueFocusTests.taught()
        let i = try #require(app.state.selected)
        let p = app.state.model.predict(app.state.store.text(i))
        let top = try #require(p.top)
        // Not the runner-up, so the comparison is one the default does not show.
        let rival = try #require(p.labels.first { $0 != top && $0 != p.runnerUp })

        app.press(.char("w"))
        guard case .pickLabel(let pick) = app.state.mode else { Issue.record("w opens no picker"); return }
        #expect(pick.purpose == .rival)
        #expect(backend.lines.contains { $0.contains("Why not") })
        app.type(rival)
        app.press(.enter)
        #expect(app.state.rival == rival)
        #expect(app.state.mode == .normal)

        let reasons = TriageReasons.of(app.state, i, prediction: p)
        #expect(reasons.against == .chosen(rival))
        let e = try #require(reasons.explanation)
        #expect(e.target == top)
        #expect(e.rival == rival)
        // Exact: the contributions and bias add up to the score difference of the two labels.
        let scores = app.state.model.scores(app.state.store.text(i))
        let diff = scores[p.labels.firstIndex(of: top)!] - scores[p.labels.firstIndex(of: rival)!]
        #expect(abs(e.scoreDifference - diff) < 1e-3)
        #expect(backend.lines.contains { $0.contains("why not \(rival)") }, "\(backend.lines.joined(separator: "\n"))")
        // Term mode moves over the same words.
        let words = TermWords.words(app.state).map(\.token)
        let shown = Set((e.supporting(8) + e.opposing(4)).map(\.token))
        #expect(!words.isEmpty && Set(words) == shown)

        app.press(.char("w"))
        #expect(app.state.rival == nil)
        #expect(TriageReasons.of(app.state, i, prediction: p).against == .runnerUp)
        #expect(!backend.lines.contains { $0.contains("why not \(rival)") })
    }

    @Test func aDecisionTheModelDoesNotShareIsExplainedAgainstByDefault() throws {
        let (app, _, _) = QueueFocusTests.taught()
        var s = app.state
        let i = try #require(s.selected)
        let p = s.model.predict(s.store.text(i))
        let top = try #require(p.top)
        #expect(TriageReasons.of(s, i, prediction: p).against == .runnerUp)
        // The analyst's label on it differs from the model's (as after later decisions moved the model).
        let yours = try #require(p.labels.first { $0 != top && $0 != p.runnerUp } ?? p.runnerUp)
        s.journal.decisions[s.store.id(i)] = DecisionInfo(messageID: s.store.id(i), label: yours, actor: "tester",
                                                          time: "2026-12-03T00:00:00Z", seq: 99)
        let reasons = TriageReasons.of(s, i, prediction: p)
        #expect(reasons.against == .yours(yours))
        #expect(reasons.explanation?.target == top)
        #expect(reasons.explanation?.rival == yours)
        let screen = Renderer.render(s, size: Size(width: 100, height: 30)).0
        #expect((0..<30).contains { screen.line($0).contains("why not yours, \(yours)") })
        // A label chosen with w comes first.
        s.rival = p.runnerUp
        if let ru = p.runnerUp, ru != yours { #expect(TriageReasons.of(s, i, prediction: p).against == .chosen(ru)) }
        // Where the analyst agrees with the model there is nothing to ask.
        s.rival = nil
        s.journal.decisions[s.store.id(i)]?.label = top
        #expect(TriageReasons.of(s, i, prediction: p).against == .runnerUp)
    }

    @Test func onAnEightyColumnScreenTheComparisonIsShownBeforeTheBar() throws {
        let (app, _, _) = QueueFocusTests.taught()
        var s = app.state
        let i = try #require(s.selected)
        let p = s.model.predict(s.store.text(i))
        s.rival = try #require(p.labels.first { $0 != p.top })
        let screen = Renderer.render(s, size: Size(width: 80, height: 24)).0
        let line = try #require(screen.lines.first { $0.contains("model ") && $0.contains(p.top!) })
        #expect(line.contains("why not \(s.rival!)"), "\(line)")
    }

    @Test func wOutsideTriageSaysWhereItWorks() {
        let (app, _, _) = QueueFocusTests.taught()
        app.press(.char("x"))
        app.press(.char("w"))
        #expect(app.state.mode == .normal)
        #expect(app.state.flash?.text.contains("triage") == true)
    }

    @Test func helpNamesTheLabelOnEachDigit() {
        let (app, backend, _) = Fixtures.app(width: 130, height: 40)
        app.press(.char("?"))
        let screen = backend.lines.joined(separator: "\n")
        for l in app.state.journal.labels.active {
            guard let k = l.key else { continue }
            #expect(screen.contains("label \(l.name)"), "help should say what \(k) gives")
        }
        #expect(screen.contains("why not"))
    }
}
