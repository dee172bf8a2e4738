import Core
import Engine
import Insight

/// Computes the metrics journaled when a learning cycle closes.
enum CycleMetricsBuilder {
    /// Terms per label in a cycle snapshot.
    static let snapshotTerms = 40

    /// Top terms per label (term → weight), the reference for "terms that moved".
    static func termSnapshot(_ model: Classifier) -> [String: [String: Double]] {
        termSnapshot(model.topTermsByLabel(count: snapshotTerms))
    }

    /// A snapshot of top terms already read off a model.
    static func termSnapshot(_ top: [String: [TermWeight]]) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for (l, terms) in top {
            var m: [String: Double] = [:]
            for t in terms { m[t.term] = t.weight }
            out[l] = m
        }
        return out
    }

    /// Whether a term is worth naming among those that moved: not function words only ("a",
    /// "on a") and not an indicator beside its own part (a URL and its host: the Tokenizer gives
    /// both, so the pair is a bigram that only repeats the URL).
    static func tellsSomething(_ term: String) -> Bool {
        let words = term.split(separator: " ").map(String.init)
        if words.allSatisfy({ StopWords.all.contains($0) }) { return false }
        if words.count == 2, words[0].count > words[1].count, words[0].contains(words[1]) { return false }
        return true
    }

    /// Metrics of the open cycle in `s`.
    static func metrics(_ s: AppState, now: [String: [String: Double]]? = nil) -> CycleMetrics {
        let c = s.cycle
        // The tracker keeps the totals as decisions come and go: the session's first cycle can
        // hold every decision since the last close (100,000 in the benchmark).
        let perLabel = c.perLabel
        var times = c.times
        let agree = c.judged == 0 ? 0 : Double(c.agreed) / Double(c.judged)
        let (withGold, goldRight) = goldAgreement(s)
        var flipped = 0
        if c.topsAtStart.count == s.scores.count {
            for i in 0..<s.scores.count where c.topsAtStart[i] >= 0 && c.topsAtStart[i] != s.scores[i].top { flipped += 1 }
        }
        let now = now ?? termSnapshot(s.model)
        var moves: [(String, Double)] = []
        for (label, terms) in now {
            let old = c.termsAtStart[label] ?? [:]
            for (t, w) in terms where CycleMetricsBuilder.tellsSomething(t) {
                moves.append(("\(t)→\(label)", abs(w - (old[t] ?? 0))))
            }
        }
        moves.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        times.sort()
        let median = times.isEmpty ? 0 : Double(times[times.count / 2])
        let heldOut = s.heldOut.flatMap { heldOutMetrics(s.model, $0) }
        return CycleMetrics(number: c.number, decisions: c.decisions.count, agreement: agree,
                            heldOutMacroF1: heldOut?.macroF1,
                            goldAccuracy: withGold == 0 ? nil : Double(goldRight) / Double(withGold),
                            perLabel: perLabel, movedTerms: moves.prefix(8).map(\.0), flipped: flipped,
                            lexiconChanges: c.lexiconChanges, msPerDecision: median,
                            consistency: consistency(s),
                            heldOutF1ByLabel: Dictionary(uniqueKeysWithValues: (heldOut?.perLabel ?? []).map { ($0.label, $0.f1) }),
                            atOnce: c.atOnce)
    }

    /// Messages decided in the open cycle that have a gold label, and how many of them the
    /// analyst's latest decision matches. Read off the queue book (one pass over its
    /// sequence numbers) instead of looking each decision's id up: the first cycle of a
    /// session can hold every decision since the last close, a hundred thousand lookups.
    static func goldAgreement(_ s: AppState) -> (withGold: Int, right: Int) {
        let book = s.book
        var withGold = 0, right = 0
        for i in labeled(book, after: s.journal.lastCycleSeq) {
            guard let g = s.store.gold(i) else { continue }
            withGold += 1
            if g == book.labelNames[Int(book.labelID[i])] { right += 1 }
        }
        return (withGold, right)
    }

    /// Messages whose latest decision is a label with a sequence number above `seq`.
    static func labeled(_ book: QueueBook, after seq: Int) -> [Int] {
        let since = Int32(truncatingIfNeeded: max(0, seq))
        return (0..<book.labelID.count).filter { book.labelID[$0] >= 0 && book.decidedSeq[$0] > since }
    }

    /// Macro-F1 of `model` on the gold labels of `heldOut` (nil without gold or a trained model).
    static func heldOutMacroF1(_ model: Classifier, _ heldOut: MessageStore) -> Double? {
        heldOutMetrics(model, heldOut)?.macroF1
    }

    /// Macro-F1 and per-label F1 of `model` on the gold labels of `heldOut` (nil without gold or a trained model).
    static func heldOutMetrics(_ model: Classifier, _ heldOut: MessageStore) -> Metrics? {
        guard model.examplesLearned > 0 else { return nil }
        var gold: [String] = []
        var predicted: [String] = []
        for i in 0..<heldOut.count {
            guard let g = heldOut.gold(i) else { continue }
            gold.append(g)
            predicted.append(model.predict(heldOut.text(i)).top ?? "")
        }
        guard !gold.isEmpty else { return nil }
        return Metrics(gold: gold, predicted: predicted)
    }

    /// Journal records looked back over for consistency.
    static let consistencyWindow = 10_000

    /// Messages whose decision falls in the consistency window of `s` (the ones a cycle close tokenizes).
    static func consistencyWindowDecisions(_ s: AppState) -> [Int] {
        labeled(s.book, after: s.journal.lastSeq - consistencyWindow)
    }

    /// Share of groups of near-duplicate decisions (same word tokens) the analyst labeled alike,
    /// over the decisions of the last `consistencyWindow` journal records; nil when there are none.
    static func consistency(_ s: AppState) -> Double? {
        var labelsOf: [UInt64: (first: Int32, mixed: Bool, count: Int)] = [:]
        let book = s.book
        // Decisions of the last `consistencyWindow` journal records (a bounded cost at any journal size).
        for i in consistencyWindowDecisions(s) {
            let key = s.duplicateKeys.key(i, store: s.store)
            let l = book.labelID[i]
            if let g = labelsOf[key] {
                labelsOf[key] = (g.first, g.mixed || g.first != l, g.count + 1)
            } else {
                labelsOf[key] = (l, false, 1)
            }
        }
        let groups = labelsOf.values.filter { $0.count > 1 }
        guard !groups.isEmpty else { return nil }
        return Double(groups.filter { !$0.mixed }.count) / Double(groups.count)
    }
}
