import Core
import Terminal
import Testing
@testable import Workbench

@Suite("Rendering into the in-memory screen")
struct RenderTests {
    @Test func tooSmallTerminalShowsANotice() {
        let (app, _, _) = Fixtures.app()
        let (buffer, _) = Renderer.render(app.state, size: Size(width: 30, height: 8))
        #expect(buffer.lines == [
            "Terminal too small:           ",
            "need 50×12,                   ",
            "have 30×8.                    ",
            "Enlarge it; q quits.          ",
            "                              ",
            "                              ",
            "                              ",
            "                              ",
        ])
    }

    @Test func triageDrawsAllPanesAndTheLabelBar() {
        let (app, backend, _) = Fixtures.app(width: 100, height: 30)
        app.draw()
        let lines = backend.lines
        #expect(lines[0].hasPrefix(" Dyad │ triage │ ws .dyad │ analyst tester │ order margin │ 0/10 labeled"))
        #expect(lines[1].hasPrefix("┌─ Queue 1/10 · 10 to go "))
        #expect(lines.contains { $0.contains("Message m") })
        #expect(lines.contains { $0.contains("┌─ Insight ") })
        #expect(lines[28].hasPrefix(" 1 phishing  2 data-leak  3 benign "))
    }

    @Test func queueRowsKeepWideCharactersWhole() {
        var store = MessageStore()
        store.append(Message(id: "w1", text: "账户已被冻结 请点击链接 😀 now"))
        var b = ScreenBuffer(size: Size(width: 40, height: 1))
        let (app, _, _) = Fixtures.app()
        var s = app.state
        s.store = store
        s.scores = [.unscored]
        s.queue = QueueRows([0], count: 1)
        s.cursor = 5
        QueuePane.drawRow(&b, x: 0, y: 0, width: 40, s: s, index: 0, selected: false, query: nil)
        // Before the model has learned anything the row has no label column: the text gets it.
        #expect(b.lines == ["· 账户已被冻结 请点击链接 😀 now        "])
        var narrow = ScreenBuffer(size: Size(width: 20, height: 1))
        QueuePane.drawRow(&narrow, x: 0, y: 0, width: 20, s: s, index: 0, selected: false, query: nil)
        #expect(narrow.lines == ["· 账户已被冻结 请点…"], "a wide character is never cut in half: \(narrow.lines)")
    }

    @Test func helpIsGeneratedFromTheKeyMap() {
        let (app, backend, _) = Fixtures.app(width: 120, height: 50)
        app.press(.char("?"))
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Help — any key closes"))
        for b in KeyMap.standard.bindings where !b.keys.isEmpty {
            // A digit that gives a label says which, one that gives none says so; the others keep the key map's words.
            let named = b.command.labelSlot.flatMap { app.state.journal.labels.label(forKey: Command.labelKey(slot: $0)) }
            let line = named.map { "label \($0)" } ?? (b.command.labelSlot != nil ? "no label yet (L adds one)" : b.description)
            #expect(screen.contains(line), "help lacks: \(line)")
        }
        #expect(!screen.contains("assign label"), "a digit without a label is not described as assigning one")
    }

    @Test("a box title too long for its border ends in …; counts take the right noun")
    func longTitlesAreSeenToBeCutAndCountsAgree() {
        var b = ScreenBuffer(size: Size(width: 30, height: 3))
        Box.draw(&b, Rect(x: 0, y: 0, width: 30, height: 3), title: "Message relationship--7e3afacc-85c0-49a3", active: true,
                 theme: BuiltinThemes.dark)
        #expect(b.line(0) == "┌─ Message relationship--7… ─┐", "\(b.line(0))")
        #expect(b.line(0).hasSuffix("─┐"))
        #expect(Text.count(1, "decision") == "1 decision")
        #expect(Text.count(0, "decision") == "0 decisions")
        #expect(Text.count(2, "anomaly", plural: "anomalies") == "2 anomalies")
    }

    @Test("an overlay's sides are cleared: no pane border beside its own (no ┌┌ or │┘)")
    func overlayEdgesAreClear() {
        let (app, backend, _) = Fixtures.app(width: 100, height: 30)
        app.press(.char("?"))
        let lines = backend.lines
        // The help box spans the screen but one column each side: those columns are blank on its rows.
        let boxRows = lines.indices.filter { lines[$0].dropFirst().hasPrefix("┌─ Help") || lines[$0].dropFirst().hasPrefix("│") }
        #expect(boxRows.count >= 10)
        for y in boxRows {
            #expect(lines[y].first == " ", "row \(y): \(lines[y])")
            #expect(lines[y].last == " ", "row \(y): \(lines[y])")
        }
        // The header above it is still drawn.
        #expect(lines[0].contains("triage"))
    }

    @Test func helpTooTallForTheScreenScrollsAndEveryLineCanBeReached() {
        let (app, backend, _) = Fixtures.app(width: 100, height: 30)
        app.press(.char("?"))
        var screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("any other key closes · rows 1–"))
        #expect(!screen.contains("leave a mode, prompt or overlay"), "the last line fits without scrolling?")
        app.press(.char("G"))
        screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("leave a mode, prompt or overlay"))
        guard case .help(let bottom) = app.state.mode else { Issue.record("G closed the help"); return }
        #expect(bottom == HelpOverlay.maxScroll(app.state, Size(width: 100, height: 30)))
        app.press(.char("j"))
        #expect(app.state.mode == .help(scroll: bottom), "scrolling stops at the last row")
        app.press(.char("k"), .char("g"))
        #expect(app.state.mode == .help(scroll: 0))
        app.press(.char("x"))
        #expect(app.state.mode == .normal)
    }

    @Test func statusLineKeepsHelpAndQuitWhenHintsDoNotFit() {
        for width in [60, 80, 100] {
            let (app, backend, _) = Fixtures.app(width: width, height: 30)
            #expect(app.state.flash?.text == "saved #3: label benign on key 3")
            app.draw()
            let status = backend.lines[29]
            #expect(status.contains("? help") && status.contains("q quit"), "width \(width): \(status)")
            #expect(width < 80 || status.contains("1-3 label"), "three labels on 1…3: \(status)")
        }
    }

    @Test func rebindingAKeyMovesItInTheHelp() {
        var map = KeyMap.standard
        map.rebind(.skip, to: [.char("x")])
        #expect(map.command(for: .char("x")) == .skip)
        #expect(map.command(for: .char("s")) == nil)
        #expect(map.keys(for: .lexicon).contains(.char("x")) == false)
    }

    @Test func savedMarkerAppearsOnlyAfterTheAppend() {
        let (app, backend, sink) = Fixtures.app()
        #expect(!backend.lines[29].contains("✓ saved"))
        app.press(.char("1"))
        #expect(backend.lines[29].contains("✓ saved #\(sink.records.count)"))
    }
}

@Suite("Key configuration")
struct KeyConfigTests {
    @Test func configRebindsAndDisables() throws {
        let map = try KeyConfig.apply("keys:\n  skip: [x]\n  note: []\n", file: "c.yaml", to: .standard)
        #expect(map.command(for: .char("x")) == .skip)
        #expect(map.keys(for: .note).isEmpty)
    }

    @Test func unknownCommandOrKeyNamesTheFileAndKey() {
        #expect(throws: WorkbenchError.self) { try KeyConfig.apply("keys:\n  fly: [x]\n", file: "c.yaml", to: .standard) }
        do {
            _ = try KeyConfig.apply("keys:\n  skip: [Hyper-Q]\n", file: "c.yaml", to: .standard)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("c.yaml: keys.skip: unknown key `Hyper-Q`"))
        }
    }
}

/// The header drops its least needed fields first, and a read-only session says so where no width cuts it.
@Suite struct HeaderPaneTests {
    @Test func fieldsGoLeastNeededFirst() {
        let (app, _, _) = Fixtures.app(width: 120, height: 30)
        let wide = HeaderPane.text(app.state, width: 120)
        #expect(wide.contains("analyst tester") && wide.contains("0/10 labeled") && wide.contains("cycle 1 (0/5)"), "\(wide)")
        let mid = HeaderPane.text(app.state, width: 70)
        #expect(!mid.contains("analyst") && mid.contains("0/10 labeled") && mid.contains("cycle 1 (0/5)"), "\(mid)")
        let narrow = HeaderPane.text(app.state, width: 40)
        #expect(narrow == " Dyad │ triage │ 0/10 │ c1 0/5", "\(narrow)")
        app.state.readOnly = true
        #expect(HeaderPane.text(app.state, width: 40).hasPrefix(" Dyad │ triage │ READ-ONLY │ "))
        let status = StatusPane.hints(app.state).map(\.0)
        #expect(status.first == "read-only" && !status.contains("1-3"), "no label keys offered: \(status)")
    }
}
