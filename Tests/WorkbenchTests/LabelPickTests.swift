import Core
import Journal
import Terminal
import Testing
@testable import Workbench

@Suite("Label picker: every label by name, key 0 for the tenth")
struct LabelPickTests {
    static let tactics = ["collection", "command-and-control", "credential-access", "defense-evasion", "discovery",
                          "execution", "exfiltration", "impact", "initial-access", "lateral-movement", "persistence",
                          "privilege-escalation", "reconnaissance", "resource-development"]

    /// The fixture app with the three fixture labels retired and the fourteen ATT&CK tactics defined.
    static func app(width: Int = 100, height: Int = 30) -> (App, MemoryBackend, MemorySink) {
        let (app, backend, sink) = Fixtures.app(width: width, height: height)
        for l in ["phishing", "data-leak", "benign"] { app.perform([.append(.labelRetired(name: l))]) }
        for l in tactics { app.perform([.append(.labelDefined(name: l, key: nil, description: nil))]) }
        app.draw()
        return (app, backend, sink)
    }

    static func lastLabel(_ sink: MemorySink) -> String? {
        guard case .label(let d) = sink.records.last?.event else { return nil }
        return d.label
    }

    @Test func onAShortScreenThePickerKeepsTheHeaderAndItsTitle() {
        let (app, backend, _) = Self.app(width: 60, height: 14)
        app.press(.char("p"))
        #expect(backend.lines[0].hasPrefix(" Dyad │"), "the picker covers the header:\n\(backend.lines.joined(separator: "\n"))")
        #expect(backend.lines.contains { $0.contains("Pick a label · 14 of 14") }, "its title is off the screen")
        // The highlighted row stays in view while moving past the rows shown.
        for _ in 0..<12 { app.press(.down) }
        #expect(backend.lines.contains { $0.contains("▸") && $0.contains("reconnaissance") })
    }

    @Test func matchesPrefixThenWordThenSubstringIgnoringCase() {
        let labels = LabelSet(names: Self.tactics)
        func names(_ q: String) -> [String] { LabelPick(query: q).matches(in: labels).map(\.name) }
        #expect(names("") == Self.tactics)
        #expect(names("RE") == ["reconnaissance", "resource-development", "credential-access"])
        #expect(names("ac") == ["credential-access", "initial-access", "impact"])
        #expect(names("esc") == ["privilege-escalation"])
        #expect(names("ti") == ["collection", "credential-access", "execution", "exfiltration", "initial-access", "privilege-escalation"])
        #expect(names("zzz").isEmpty)
        #expect(LabelPick(query: "zzz").chosen(in: labels) == nil)
        #expect(LabelPick(query: "re", choice: 9).chosen(in: labels)?.name == "credential-access")
    }

    @Test func keyZeroAssignsTheTenthLabel() throws {
        let (app, _, sink) = Self.app()
        #expect(app.state.journal.labels.label(forKey: "0") == "lateral-movement")
        app.press(.char("0"))
        #expect(Self.lastLabel(sink) == "lateral-movement")
    }

    @Test func pickerAssignsALabelBeyondTheDigits() throws {
        let (app, _, sink) = Self.app()
        let first = try #require(app.state.selected)
        let before = sink.records.count
        app.press(.char("p"))
        app.type("res")
        #expect(sink.records.count == before, "typing in the picker must not label")
        app.press(.enter)
        #expect(Self.lastLabel(sink) == "resource-development")
        #expect(app.state.journal.decisions[app.state.store.id(first)]?.label == "resource-development")
        #expect(app.state.mode == .normal)
    }

    @Test func tabAndArrowsMoveTheHighlightAndBackspaceEdits() {
        let (app, _, sink) = Self.app()
        app.press(.char("p"))
        app.type("rex")
        #expect(app.state.flash == nil)
        app.press(.enter)
        #expect(app.state.flash?.text.contains("no label matches") == true)
        guard case .pickLabel = app.state.mode else { Issue.record("a failed Enter must keep the picker open"); return }
        app.press(.backspace, .tab, .tab, .up)
        app.press(.enter)
        #expect(Self.lastLabel(sink) == "resource-development")
    }

    @Test func escapeCancelsWithoutAnEvent() {
        let (app, _, sink) = Self.app()
        let before = sink.records.count
        app.press(.char("p"))
        app.type("per")
        app.press(.escape)
        #expect(sink.records.count == before)
        #expect(app.state.mode == .normal)
    }

    @Test func pickerBoostsAWordForAnyLabel() throws {
        let (app, _, sink) = Self.app()
        app.press(.char("p"))
        app.type("persist")
        app.press(.enter)
        app.press(.char("t"))
        guard case .term = app.state.mode else { Issue.record("term mode did not open"); return }
        app.press(.char("b"), .char("p"))
        app.type("priv")
        app.press(.enter)
        guard case .lexicon(let change) = sink.records.last?.event else { Issue.record("expected a lexicon event"); return }
        #expect(change.op == .boost)
        #expect(change.label == "privilege-escalation")
        // Still in term mode, on the same word when it is still highlighted: the next word is taught at once.
        guard case .term = app.state.mode else { Issue.record("term mode ended with the boost: \(app.state.mode)"); return }
        let before = sink.records.count
        app.press(.char("z"))
        guard case .lexicon(let suppress) = sink.records.last?.event, sink.records.count == before + 1 else {
            Issue.record("z in term mode after a boost suppresses nothing"); return
        }
        #expect(suppress.op == .suppress)
        guard case .term = app.state.mode else { Issue.record("term mode ended with the suppression"); return }
        app.press(.escape)
        #expect(app.state.mode == .normal)
    }

    @Test func labelBarSaysHowToReachLabelsThatDoNotFit() {
        let (_, backend, _) = Self.app(width: 100, height: 30)
        let bar = backend.lines[28]
        // Shortened names, keys in order, and the count of the rest with the key that reaches them.
        // Every key shows, compact, before any is left out.
        #expect(bar.hasPrefix(" 1 colle… 2 comma… 3 crede… 4 defen… 5 disco… 6 execu… 7 exfil… 8 impact 9 initi… 0 later… +4 (p)"),
                "\(bar)")
        let keyed = Self.tactics.enumerated().map { (key: $0.offset < 10 ? String(($0.offset + 1) % 10) : "·", name: $0.element) }
        let wide = StatusPane.barPlan(keyed, width: 119)
        #expect(!wide.compact || wide.names.first == "collect…", "\(wide)")
        #expect(wide.names.count == 10, "\(wide)")
        let all = StatusPane.barPlan(Self.tactics.map { (key: "1", name: $0) }, width: 200)
        #expect(all.names.count == 14 && all.names.allSatisfy { $0.count <= 13 } && !all.compact, "\(all)")
        let roomy = StatusPane.barPlan([("1", "benign"), ("2", "phishing")], width: 40)
        #expect(roomy == StatusPane.BarPlan(names: ["benign", "phishing"]))
        // Names shorter than the floor are never all left out.
        let many = StatusPane.barPlan((0..<30).map { (key: "·", name: "abc\($0)") }, width: 60)
        #expect(many.names.count >= 5, "\(many)")
    }

    @Test func overlayListsMatchesAndTheStatusLineShowsTheChoice() {
        let (app, backend, _) = Self.app(width: 100, height: 30)
        app.press(.char("p"))
        app.type("re")
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Pick a label · 3 of 14"))
        #expect(screen.contains("▸  reconnaissance"))
        #expect(screen.contains("resource-development"))
        #expect(backend.lines[29].contains("label: re▏ → reconnaissance"))
    }

    @Test func insightLabelsRowShowsTheMostUsedAndCountsTheRest() throws {
        let (app, backend, _) = Self.app(width: 160, height: 30)
        app.press(.char("5"), .char("5"), .char("4"))
        let row = try #require(backend.lines.first { $0.contains("│labels ") })
        #expect(row.contains("labels  discovery 2   defense-evasion 1 "), "\(row)")
        #expect(row.contains("more, 0–0 each"), "\(row)")
        let parts = InsightPane.labelsRow(app.state, width: 500)
        #expect(parts.filter { $0.1 != .text && $0.1 != .muted }.count == 14, "all fit in 500 columns")
        // A narrow pane still shows the most used label, and the note shortens to fit.
        let narrow = InsightPane.labelsRow(app.state, width: 30)
        #expect(narrow.map(\.0).joined() == "labels  discovery 2  +13 more", "\(narrow.map(\.0).joined())")
        for w in [20, 30, 44, 60, 80, 120] {
            let text = InsightPane.labelsRow(app.state, width: w).map(\.0).joined()
            #expect(text.hasPrefix("labels  discovery 2 "), "width \(w): \(text)")
            #expect(DisplayWidth.of(text) <= max(w, 7 + 13 + 9), "width \(w): \(text)")
        }
    }
}
