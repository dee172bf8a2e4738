import Foundation
import Core
import Engine
import Journal
import Terminal
import Testing
@testable import Workbench

@Suite("Reducer: decisions, undo and the journal")
struct ReducerTests {
    @Test func labelKeyAppendsALabelEventAndTeachesTheModel() throws {
        let (app, _, sink) = Fixtures.app()
        let before = sink.records.count
        let first = try #require(app.state.selected)
        app.press(.char("1"))
        let r = try #require(sink.records.last)
        #expect(sink.records.count == before + 1)
        guard case .label(let d) = r.event else { Issue.record("expected a label event"); return }
        #expect(d.label == "phishing")
        #expect(d.messageID == app.state.store.id(first))
        #expect(app.state.journal.decisions[d.messageID]?.label == "phishing")
        #expect(app.state.model.labels.contains("phishing"))
        #expect(app.state.lastSavedSeq == r.seq)
    }

    @Test("behind the too-small notice only quit acts: a label key decides nothing unseen")
    func keysDoNothingOnATooSmallScreen() throws {
        let (app, _, sink) = Fixtures.app()
        let before = sink.records.count
        app.state.screenTooSmall = true
        app.press(.char("1"))
        app.press(.char("c"))
        #expect(sink.records.count == before)
        #expect(app.state.view == .triage)
        app.press(.char("q"))
        #expect(app.state.quitting)
    }

    @Test func undoRevertsTheDecisionAndRebuildsTheModel() throws {
        let (app, _, sink) = Fixtures.app()
        app.press(.char("1"))
        let afterOne = app.state.model.fingerprint
        app.press(.char("3"))
        #expect(app.state.labeledCount == 2)
        app.press(.char("u"))
        #expect(app.state.labeledCount == 1)
        guard case .undo = sink.records.last?.event else { Issue.record("expected an undo event"); return }
        // The status line and the insight pane name what was taken back.
        #expect(app.state.flash?.text.contains("undid ") == true && app.state.flash?.text.hasSuffix("→ benign") == true, "\(app.state.flash?.text ?? "")")
        #expect(app.state.lastChange?.decision.hasPrefix("undone: benign ← “") == true, "\(app.state.lastChange?.decision ?? "")")
        #expect(app.state.model.fingerprint == afterOne)
        app.press(.char("u"))
        #expect(app.state.labeledCount == 0)
    }

    @Test func liveModelEqualsModelRebuiltFromTheJournal() {
        let (app, _, sink) = Fixtures.app()
        app.press(.char("1"), .char("2"), .char("3"), .enter, .char("s"), .char("u"), .char("2"))
        let rebuilt = ModelRebuild.rebuild(records: sink.records, undone: JournalState(records: sink.records).undone,
                                           store: app.state.store, config: EngineConfig())
        #expect(rebuilt.fingerprint == app.state.model.fingerprint)
        #expect(JournalState(records: sink.records) == app.state.journal)
    }

    @Test func failedAppendIsNotReportedSaved() {
        let (app, _, sink) = Fixtures.app()
        sink.failNext = true
        app.press(.char("1"))
        #expect(app.state.labeledCount == 0)
        #expect(app.state.flash?.kind == .error)
        #expect(app.state.flash?.text.contains("NOT saved") == true)
    }

    @Test func skipMovesMessageBehindPendingOnes() throws {
        let (app, _, _) = Fixtures.app()
        let first = try #require(app.state.selected)
        app.press(.char("s"))
        #expect(app.state.state(of: first) == .skipped)
        #expect(app.state.selected != first)
    }

    @Test func searchJumpsToMatchesAndWraps() throws {
        let (app, _, _) = Fixtures.app()
        app.press(.char("/"))
        app.type("combo")
        app.press(.enter)
        let i = try #require(app.state.selected)
        #expect(app.state.store.text(i).contains("combo"))
        app.press(.char("n"))
        #expect(app.state.selected == i)
    }

    @Test("a search nothing matches, or Esc, puts the cursor back where / found it")
    func aFailedSearchRestoresThePlace() throws {
        let (app, _, _) = Fixtures.app()
        // A row whose message lacks "combo", so a match moves the cursor.
        app.press(.char("j"))
        while let i = app.state.selected, app.state.store.text(i).lowercased().contains("combo") { app.press(.char("j")) }
        let place = app.state.cursor
        app.press(.char("/"))
        app.type("combozzz")  // "combo" matches on the way and moves the cursor
        app.press(.enter)
        #expect(app.state.flash?.text == "no message contains “combozzz”")
        #expect(app.state.cursor == place)
        app.press(.char("/"))
        app.type("combo")
        #expect(app.state.cursor != place, "the incremental match moved the cursor")
        app.press(.escape)
        #expect(app.state.cursor == place, "Esc cancels the search where it began")
    }

    @Test func searchFindsAMessageByItsID() throws {
        let (app, _, _) = Fixtures.app()
        app.press(.char("/"))
        app.type("M07")  // case-insensitive; "m07" is in no text
        app.press(.enter)
        let i = try #require(app.state.selected)
        #expect(app.state.store.id(i) == "m07")
        let search = MessageSearch("m07")
        #expect((0..<app.state.store.count).filter { search.matches(app.state.store, $0) } == [i])
        #expect(MessageSearch("M0").matches(app.state.store, 0) && !MessageSearch("zz9").matches(app.state.store, 0))
    }

    @Test func addLabelJournalsADefinitionWithTheNextFreeKey() {
        let (app, _, sink) = Fixtures.app()
        app.press(.char("L"))
        app.type("malware")
        app.press(.enter, .enter)
        guard case let .labelDefined(name, key, _)? = sink.records.last?.event else { Issue.record("expected label_defined"); return }
        #expect(name == "malware")
        #expect(key == "4")
        #expect(app.state.journal.labels.label(forKey: "4") == "malware")
    }

    @Test func cycleClosesAfterItsLengthWithMetrics() {
        let (app, _, sink) = Fixtures.app()
        app.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("2"))
        let closed = sink.records.compactMap { r -> CycleMetrics? in
            if case .cycleClosed(let m) = r.event { return m }
            return nil
        }
        #expect(closed.count == 1)
        #expect(closed.first?.decisions == 5)
        #expect(app.state.cycle.number == 2)
        #expect(app.state.journal.cycles.count == 1)
    }

    @Test("the Cycles view's j/k choose a cycle and its report shows below the table; the latest is followed")
    func cyclesViewShowsTheChosenCyclesReport() {
        let (app, backend, _) = Fixtures.app(width: 110, height: 40)
        app.press(.char("Y"))
        #expect(backend.lines.joined(separator: "\n").contains("no cycle closed yet: one closes every 5 decisions, or now with C"))
        app.press(.char("T"))
        // Ten decisions: two cycles of five.
        app.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("2"))
        app.press(.escape)
        app.press(.char("2"), .char("1"), .char("3"), .char("2"), .char("1"))
        app.press(.escape)
        #expect(app.state.journal.cycles.count == 2)
        app.press(.char("Y"))
        var screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Cycle 2 — how both sides moved"), "the latest cycle by default\n\(screen)")
        #expect(screen.contains("▸ 2"))
        #expect(screen.contains("decisions 5"))
        app.press(.char("k"))
        screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Cycle 1 — how both sides moved"))
        #expect(screen.contains("▸ 1"))
        #expect(app.state.cyclesCursor == 0)
        app.press(.char("j"))
        #expect(app.state.cyclesCursor == nil, "back on the latest, the cursor follows new cycles")
        #expect(Text.wrapLists([("  per label: a 1 · b 2 · c 3", .text)], width: 20).map(\.0) == ["  per label: a 1", "    b 2 · c 3"])
    }

    @Test("the cycle report wraps long lists (moved terms, per label) on a narrow screen instead of cutting them")
    func cycleReportWrapsLongLists() {
        let (app, backend, _) = Fixtures.app(width: 60, height: 30)
        app.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("C"))
        guard case .cycleReport = app.state.mode else { Issue.record("no cycle report"); return }
        let screen = backend.lines.joined(separator: "\n")
        for label in ["phishing", "data-leak", "benign"] {
            #expect(screen.contains("\(label) "), "per label names \(label):\n\(screen)")
        }
        #expect(screen.contains("Any key continues"), "the last line stays:\n\(screen)")
        let moved = app.state.journal.cycles.last?.movedTerms.prefix(6) ?? []
        #expect(moved.count >= 4, "enough moved terms to need two lines: \(moved)")
        for term in moved { #expect(screen.contains(term), "moved term \(term) is shown whole:\n\(screen)") }
        // The overlay is 56 columns wide from column 2: nothing inside it is cut.
        let top = backend.lines.firstIndex { $0.contains("Cycle 1 closed") } ?? 0
        let bottom = backend.lines.firstIndex { $0.contains("Any key continues") } ?? 0
        #expect(bottom > top)
        for line in backend.lines[top...bottom] {
            #expect(!String(Array(line).dropFirst(2).prefix(56)).contains("…"), "cut: \(line)")
        }
    }

    @Test func strategyCycleReordersTheQueue() {
        let (app, _, _) = Fixtures.app()
        let old = app.state.strategy
        app.press(.char("o"))
        #expect(app.state.strategy != old)
    }
}

@Suite("Cycle metrics")
struct CycleMetricTests {
    @Test func macroF1AveragesPerClassF1() {
        // a: tp 1, fn 1 → F1 2/3; b: tp 1, fp 1 → F1 2/3; c: tp 1 → 1.
        let f = Metrics(gold: ["a", "a", "b", "c"], predicted: ["a", "b", "b", "c"]).macroF1
        #expect(abs(f - (2.0 / 3 + 2.0 / 3 + 1) / 3) < 1e-12)
    }

    @Test func goldAccuracyCountsTheDecisionsOfEachCycleOnly() {
        let (app, _, sink) = Fixtures.app()
        app.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("2"))
        app.press(.char("3"), .char("3"), .char("1"), .char("2"), .char("1"))
        var expected: [Double] = []
        var withGold = 0, right = 0
        for r in sink.records {
            switch r.event {
            case .label(let d):
                guard let i = app.state.store.index(ofID: d.messageID), let g = app.state.store.gold(i) else { continue }
                withGold += 1
                if g == d.label { right += 1 }
            case .cycleClosed:
                expected.append(Double(right) / Double(max(1, withGold)))
                withGold = 0
                right = 0
            default:
                break
            }
        }
        let closed = app.state.journal.cycles.map(\.goldAccuracy)
        #expect(closed.count == 2)
        #expect(closed == expected.map { Optional($0) })
    }

    @Test("a cycle that closes by itself says so and keys go on labeling; C opens the report until a key")
    func closingACycleShowsItsReportUntilAKey() {
        let (app, backend, sink) = Fixtures.app()
        app.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("2"))
        #expect(app.state.mode == .normal, "no report in the way of keys typed ahead")
        #expect(app.state.flash?.text.contains("cycle 1 closed") == true && app.state.flash?.text.contains("Y reads its report") == true,
                "\(app.state.flash?.text ?? "")")
        let before = app.state.labeledCount
        app.press(.char("1"))
        #expect(app.state.labeledCount == before + 1, "the key after the close labels the next message")
        app.press(.char("C"))
        #expect(app.state.mode == .cycleReport(2))
        #expect(backend.lines.contains { $0.contains("Cycle 2 closed") })
        app.press(.char("j"))
        #expect(app.state.mode == .normal)
        #expect(!backend.lines.contains { $0.contains("Cycle 2 closed") })
        #expect(sink.records.filter { if case .cycleClosed = $0.event { true } else { false } }.count == 2)
    }

    @Test func theInsightPaneQuotesTheLastDecidedMessage() throws {
        let (app, _, _) = Fixtures.app()
        let i = try #require(app.state.selected)
        app.press(.char("1"))
        let last = try #require(app.state.lastChange?.decision)
        #expect(last.hasPrefix("phishing ← “"))
        #expect(last.contains(String(app.state.store.text(i).prefix(12))))
        #expect(Text.shortID("relationship--e2e3eae7-879c-456c-a216-be6be395a582") == "relationship--e2e3…")
        #expect(Text.shortID("m01") == "m01")
    }

    @Test func aLabelKeyOnlyClosesTheCycleReportButUndoAndViewsRun() {
        let (app, _, _) = Fixtures.app()
        app.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("C"))
        #expect(app.state.mode == .cycleReport(1))
        let decided = app.state.journal.trainingSequence.count
        app.press(.char("1"))
        #expect(app.state.mode == .normal)
        #expect(app.state.journal.trainingSequence.count == decided, "a digit under the report must not label the hidden message")

        app.press(.char("2"), .char("3"), .char("1"), .char("C"))
        guard case .cycleReport = app.state.mode else { Issue.record("no report after the second cycle"); return }
        let before = app.state.journal.trainingSequence.count
        app.press(.char("u"))
        #expect(app.state.mode == .normal)
        #expect(app.state.journal.trainingSequence.count == before - 1, "u under the report undoes the last decision")


        let (other, _, _) = Fixtures.app()
        other.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("C"))
        #expect(other.state.mode == .cycleReport(1))
        other.press(.char("Y"))
        #expect(other.state.mode == .normal)
        #expect(other.state.view == .cycles, "Y under the report shows every cycle, as the report says")
    }
}

@Suite("Background consolidation")
struct ConsolidationTests {
    @Test func consolidatedModelIsThePureFunctionOfTheJournal() {
        let (app, _, sink) = Fixtures.app()
        app.consolidation.synchronous = true
        app.press(.char("1"), .char("2"), .char("3"), .char("1"))
        #expect(app.state.consolidatedAt == app.state.journal.trainingSequence.count)
        let online = ModelRebuild.rebuild(records: sink.records, undone: JournalState(records: sink.records).undone,
                                          store: app.state.store, config: EngineConfig())
        let examples = app.trainingExamples()
        let expected = Consolidator().consolidate(online, examples: examples)
        #expect(app.state.model.fingerprint == expected.fingerprint)
    }

    @Test func decisionsMadeDuringConsolidationAreMergedNotLost() {
        let (app, _, _) = Fixtures.app()
        app.consolidation.enabled = false  // this test plays the job itself
        app.press(.char("1"), .char("2"))
        let snapshot = app.state.model
        let examples = app.trainingExamples()
        let stale = Consolidator().consolidate(snapshot, examples: examples)
        app.press(.char("3"))  // a decision arrives while "the job" runs
        app.dispatch(.consolidated(stale, examples: examples.count, schema: app.state.schemaGeneration, generation: 0))
        // The merge with the later decision runs off the key loop, then lands through the inbox.
        #expect(app.state.consolidatedAt == nil)
        for _ in 0..<5000 where app.inbox.isRunning("consolidating") { usleep(1000) }
        for a in app.inbox.drain() { app.dispatch(a) }
        #expect(app.state.consolidatedAt == examples.count + 1)
        let merged = Consolidator().merge(stale, replaying: Array(app.trainingExamples()[examples.count...]))
        #expect(app.state.model.fingerprint == merged.fingerprint)
    }

    @Test func consolidationFromBeforeAnUndoIsDropped() {
        let (app, _, _) = Fixtures.app()
        app.press(.char("1"), .char("2"))
        let examples = app.trainingExamples()
        let stale = Consolidator().consolidate(app.state.model, examples: examples)
        let schema = app.state.schemaGeneration
        app.press(.char("u"))
        let before = app.state.model.fingerprint
        app.dispatch(.consolidated(stale, examples: examples.count, schema: schema, generation: 0))
        #expect(app.state.model.fingerprint == before)
    }
}

@Suite("Held-out F1 per label at a cycle close")
struct HeldOutByLabelTests {
    @Test func cycleCloseRecordsEachLabelsHeldOutF1AndTheReportNamesTheWeakest() throws {
        let (app, backend, sink) = Fixtures.app(width: 120, height: 40)
        var held = MessageStore()
        for (k, m) in Fixtures.messages.enumerated() { held.append(Message(id: "h\(k)", text: m.0, gold: m.1)) }
        app.state.heldOut = held
        app.press(.char("1"), .char("2"), .char("3"), .char("1"), .char("2"))  // closes cycle 1 (length 5)
        app.press(.char("Y"))  // its report, under the Cycles view's table
        let m = try #require(sink.records.compactMap { r -> CycleMetrics? in
            if case .cycleClosed(let m) = r.event { return m }
            return nil
        }.first)
        #expect(Set(m.heldOutF1ByLabel.keys) == ["phishing", "data-leak", "benign"])
        let macro = m.heldOutF1ByLabel.values.reduce(0, +) / 3
        #expect(abs(macro - (m.heldOutMacroF1 ?? -1)) < 1e-9, "macro-F1 is the mean of the per-label F1")
        let weak = try #require(CycleReportOverlay.weakest(m, count: 2))
        let lowest = m.heldOutF1ByLabel.min { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }!
        #expect(weak.hasPrefix("\(lowest.key) \(String(format: "%.2f", lowest.value))"))
        #expect(backend.lines.joined(separator: "\n").contains("weakest on the held-out file: \(weak.split(separator: "·")[0])"))
        #expect(CycleReportOverlay.weakest(CycleMetrics(number: 1, decisions: 1, agreement: 0)) == nil)
    }
}

@Suite("Cycle tracker totals")
struct CycleTrackerTotalsTests {
    @Test func totalsEqualARecountAfterAnyAddsAndUndos() {
        var t = CycleTracker(length: 25)
        var x: UInt64 = 7
        func next(_ n: Int) -> Int {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int(x >> 33) % n
        }
        let labels = ["a", "b", "c"]
        for step in 0..<2_000 {
            if next(4) == 0, !t.decisions.isEmpty {
                t.removeLast(messageID: t.decisions[next(t.decisions.count)].messageID)
            } else {
                let predicted: String? = next(3) == 0 ? nil : labels[next(3)]
                t.add(CycleDecision(messageID: "m\(next(50))", label: labels[next(3)], predicted: predicted, ms: next(3) == 0 ? 0 : next(900)))
            }
            if step % 500 == 499 { t.clearDecisions() }
            let judged = t.decisions.filter { $0.predicted != nil }
            #expect(t.judged == judged.count)
            #expect(t.agreed == judged.filter { $0.predicted == $0.label }.count)
            #expect(t.perLabel == Dictionary(grouping: t.decisions, by: \.label).mapValues(\.count))
            #expect(t.times.sorted() == t.decisions.map(\.ms).filter { $0 > 0 }.sorted())
        }
    }
}
