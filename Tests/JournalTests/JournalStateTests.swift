import Core
@testable import Journal
import Testing

@Suite struct JournalStateTests {
    /// Folds events numbered 1…n.
    func fold(_ events: [Event], labels: LabelSet = LabelSet()) -> JournalState {
        JournalState(records: events.enumerated().map { Fixtures.record($0.offset + 1, $0.element) }, labels: labels)
    }

    /// The training sequence as `id=label`; also checks the counters kept in step with it.
    func seq(_ s: JournalState) -> [String] {
        #expect(s.trainingCount == s.trainingSequence.count)
        var counts: [String: Int] = [:]
        for d in s.decisions.values { counts[d.label, default: 0] += 1 }
        #expect(s.labelCounts == counts)
        return s.trainingSequence.map { "\($0.messageID)=\($0.label)" }
    }

    @Test func latestDecisionWinsAndUndoOfRelabelRestoresThePreviousLabel() {
        let s = fold([Fixtures.label("m1", "a", predicted: "b"), Fixtures.label("m1", "b"), .undo(seq: 2)])
        #expect(s.decisions["m1"]?.label == "a")
        #expect(s.decisions["m1"]?.seq == 1)
        #expect(s.decisions["m1"]?.predicted == "b")
        #expect(s.decisions["m1"]?.confidence == 0.7)
        #expect(s.decisions["m1"]?.actor == "ana")
        #expect(seq(s) == ["m1=a"])
    }

    @Test func undoChainsUnwindInOrder() {
        let s = fold([Fixtures.label("m1", "a"), Fixtures.label("m1", "b"), Fixtures.label("m1", "c"),
                      .undo(seq: 3), .undo(seq: 2)])
        #expect(s.decisions["m1"]?.label == "a")
        let all = fold([Fixtures.label("m1", "a"), Fixtures.label("m1", "b"), .undo(seq: 2), .undo(seq: 1)])
        #expect(all.decisions["m1"] == nil)
        #expect(seq(all).isEmpty)
        // Undo of an older event keeps the newer one in force.
        let old = fold([Fixtures.label("m1", "a"), Fixtures.label("m1", "b"), .undo(seq: 1)])
        #expect(old.decisions["m1"]?.label == "b")
        #expect(seq(old) == ["m1=b"])
    }

    @Test func undoTwiceOrOfUnknownSeqIsIgnoredWithAWarning() {
        let s = fold([Fixtures.label("m1", "a"), .undo(seq: 1), .undo(seq: 1), .undo(seq: 99), .undo(seq: 2)])
        #expect(s.decisions.isEmpty)
        #expect(s.warnings.count == 3)
        #expect(s.undone == [1: 2])
    }

    @Test func bulkLabelSetsEachIdAndItsUndoRestoresEach() {
        let s0 = [Fixtures.label("m1", "a"), Event.bulkLabel(BulkLabel(label: "b", messageIDs: ["m1", "m2", "m3"], cluster: 4))]
        let s = fold(s0)
        #expect(s.decisions.mapValues(\.label) == ["m1": "b", "m2": "b", "m3": "b"])
        #expect(s.decisions["m2"]?.bulk == true && s.decisions["m2"]?.cluster == 4)
        #expect(seq(s) == ["m1=a", "m1=b", "m2=b", "m3=b"])
        let u = fold(s0 + [.undo(seq: 2)])
        #expect(u.decisions.mapValues(\.label) == ["m1": "a"])
        #expect(seq(u) == ["m1=a"])
    }

    @Test func skipIsClearedByALabelAndComesBackWhenTheLabelIsUndone() {
        let a = fold([.skip(messageID: "m1", strategy: .margin, ms: 3)])
        #expect(a.skipped == ["m1"])
        let b = fold([.skip(messageID: "m1", strategy: .margin, ms: 3), Fixtures.label("m1", "x")])
        #expect(b.skipped.isEmpty)
        let c = fold([.skip(messageID: "m1", strategy: .margin, ms: 3), Fixtures.label("m1", "x"), .undo(seq: 2)])
        #expect(c.skipped == ["m1"] && c.decisions.isEmpty)
        let d = fold([.skip(messageID: "m1", strategy: nil, ms: 3), .undo(seq: 1)])
        #expect(d.skipped.isEmpty)
    }

    @Test func renameRewritesEarlierDecisionsTrainingAndLexicon() {
        let s = fold([.labelDefined(name: "scam", key: "1", description: nil), Fixtures.label("m1", "scam"),
                      .lexicon(LexiconChange(op: .add, term: "gift card", label: "scam")),
                      .labelRenamed(from: "scam", to: "fraud"),
                      .labelDefined(name: "scam", key: nil, description: nil), Fixtures.label("m2", "scam")])
        #expect(s.labels.all.map(\.name) == ["fraud", "scam"])
        #expect(s.labels.all.first?.key == "1")
        #expect(s.decisions["m1"]?.label == "fraud" && s.decisions["m2"]?.label == "scam")
        #expect(seq(s) == ["m1=fraud", "m2=scam"])
        #expect(s.lexicon.map(\.label) == ["fraud"])
        #expect(s.lexiconOps.first?.change.label == "fraud")
        let bad = fold([.labelRenamed(from: "nope", to: "x")])
        #expect(bad.warnings.count == 1 && bad.labels.all.isEmpty)
    }

    @Test func labelSchemaEventsAndUndoOfADefinition() {
        let base = LabelSet(names: ["benign"])
        let s = fold([.labelDefined(name: "phishing", key: nil, description: "lures"), .labelDefined(name: "spam", key: nil, description: nil),
                      .labelRetired(name: "spam"), .undo(seq: 1)], labels: base)
        #expect(s.labels.all.map(\.name) == ["benign", "spam"])
        #expect(s.labels.active.map(\.name) == ["benign"])
    }

    @Test func lexiconFoldWithHistoryBoostsSuppressionsAndUndo() {
        let events: [Event] = [
            .lexicon(LexiconChange(op: .add, term: "paypal", label: "phishing", concept: "brands", author: .machine)),
            .lexicon(LexiconChange(op: .boost, term: "paypal", label: "phishing")),
            .lexicon(LexiconChange(op: .boost, term: "paypal", label: "phishing")),
            .lexicon(LexiconChange(op: .add, term: "invoice", label: "phishing")),
            .lexicon(LexiconChange(op: .suppress, term: "the")),
            .lexicon(LexiconChange(op: .reject, term: "hello", label: "benign", author: .machine)),
            .undo(seq: 3),
            .lexicon(LexiconChange(op: .remove, term: "invoice", label: "phishing")),
        ]
        let s = fold(events)
        #expect(s.lexicon.count == 1)
        let e = s.lexicon[0]
        #expect(e.term == "paypal" && e.label == "phishing" && e.concept == "brands" && e.author == .machine)
        #expect(e.boosts == 1 && e.history.map(\.seq) == [1, 2])
        #expect(s.suppressedTerms == ["the"])
        #expect(s.rejectedSuggestions.map(\.term) == ["hello"])
        #expect(s.lexiconOps.map(\.seq) == [1, 2, 4, 5, 6, 8])
        let un = fold(events + [.undo(seq: 8), .undo(seq: 5), .lexicon(LexiconChange(op: .unsuppress, term: "x"))])
        #expect(un.lexicon.map(\.term) == ["paypal", "invoice"])
        #expect(un.suppressedTerms.isEmpty)
    }

    @Test func notesCyclesSessionsAndUndoOfANote() {
        let m = CycleMetrics(number: 1, decisions: 2, agreement: 0.5)
        let s = fold([.sessionOpened(SessionOpened(dyadVersion: "0.1.0", files: ["a"], filesHash: "1", messageCount: 3)),
                      .note(messageID: "m1", text: "odd"), .note(messageID: nil, text: "keep"), Fixtures.label("m1", "a"),
                      .cycleClosed(m), Fixtures.label("m2", "a"), .undo(seq: 2)])
        #expect(s.notes.map(\.text) == ["keep"])
        #expect(s.cycles == [m] && s.lastCycleSeq == 5)
        #expect(s.decisionsSinceCycle == 1)
        #expect(s.sessions.count == 1 && s.lastSeq == 7)
    }

    @Test func incrementalApplyEqualsBatchFold() {
        let events: [Event] = Fixtures.everyEvent + [Fixtures.label("m5", "phishing"), .undo(seq: 15), .undo(seq: 4)]
        let records = events.enumerated().map { Fixtures.record($0.offset + 1, $0.element) }
        var inc = JournalState()
        for r in records { inc.apply(r) }
        #expect(inc == JournalState(records: records))
        #expect(JournalState(records: records) == JournalState(records: records))
    }
}

/// The tail of the training sequence, read from the end, equals the whole sequence less its head.
@Suite("Training sequence tail")
struct TrainingTailTests {
    @Test func tailEqualsTheSequenceWithoutItsHead() {
        var events: [Event] = []
        for k in 0..<12 {
            events.append(.label(LabelDecision(messageID: "m\(k % 7)", label: k % 2 == 0 ? "a" : "b", predicted: nil,
                                               confidence: nil, strategy: nil, ms: 0, origin: .triage)))
        }
        events.append(.bulkLabel(BulkLabel(label: "c", messageIDs: ["x1", "x2", "x3"], cluster: 1)))
        events.append(.undo(seq: 4))
        events.append(.label(LabelDecision(messageID: "m9", label: "a", predicted: nil, confidence: nil, strategy: nil,
                                           ms: 0, origin: .triage)))
        let records = events.enumerated().map { JournalRecord(seq: $0.offset + 1, time: "", actor: "t", event: $0.element) }
        let state = JournalState(records: records)
        let all = state.trainingSequence
        #expect(all.count == state.trainingCount)
        for k in 0...(all.count + 1) {
            let tail = state.trainingSequence(after: k)
            #expect(tail.map(\.messageID) == all.dropFirst(k).map(\.messageID), "after \(k)")
            #expect(tail.map(\.label) == all.dropFirst(k).map(\.label), "after \(k)")
        }
    }
}
