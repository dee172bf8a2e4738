import Core
import Engine
import Foundation

extension DemoDriver {
    /// Pick phase: the queue head, why the strategy chose it, what the model predicts.
    func pick() {
        showQueueHead()
        let s = app.state
        guard let i = s.selected, s.state(of: i) == .new || s.state(of: i) == .skipped else {
            narrate(["the queue is empty: every message has a label — q quits"], current: 0)
            narration.driver = .paused
            return
        }
        let text = s.store.text(i)
        let p = s.model.examplesLearned > 0 ? s.model.predict(text) : .empty
        picked = (i, p)
        let words = s.model.examplesLearned > 0 ? (s.model.explain(text)?.byToken().supporting(3).map { "“\($0.token)”" } ?? []) : []
        var lines = [
            "picked \(Text.shortID(s.store.displayID(i))) \(Text.quote(text, 32)) — \(Self.why(p, strategy: s.strategy))",
            p.top.map { top in
                "model says \(top) \(Text.percent(p.confidence))"
                    + (p.runnerUp.map { " (then \($0) \(Text.percent(p.probabilities[p.runnerUpIndex ?? 0])))" } ?? "")
                    + (words.isEmpty ? "" : " from " + words.joined(separator: " "))
            } ?? "model has learned nothing yet: no prediction, every message is equally uncertain",
        ]
        lines += ["analyst labels it …", "model updates …", "machine shows …"]
        narrate(lines, current: 1)
    }

    /// Label phase: journal the analyst's label, train the shadows, narrate the change.
    func label() {
        guard let (i, p) = picked else { return }
        picked = nil
        let s = app.state
        let id = s.store.id(i)
        guard s.journal.decisions[id] == nil else { return pick() }
        guard let gold = s.store.gold(i) else {
            app.perform([.append(.skip(messageID: id, strategy: s.strategy, ms: narration.paceMs))])
            narrate(narration.lines.prefix(2) + ["\(id) has no gold label: the analyst skips it"], current: 2)
            return
        }
        let answer = simulation.analyst.label(index: i, gold: gold)
        // Before it learns: the words that made the model prefer its label over the analyst's ("why not").
        let over = p.top.flatMap { top -> [String]? in
            guard top != answer.label, p.labels.contains(answer.label) else { return nil }
            return s.model.explain(s.store.text(i), target: top, rival: answer.label)?.byToken().supporting(2).map { "“\($0.token)”" }
        } ?? []
        let decision = LabelDecision(messageID: id, label: answer.label, predicted: p.top, confidence: p.top == nil ? nil : p.confidence,
                                     strategy: s.strategy, ms: narration.paceMs, origin: .demo)
        app.perform([.append(.label(decision))])
        guard app.state.journal.decisions[id]?.label == answer.label else {
            narrate(narration.lines.prefix(2) + ["NOT saved: \(app.state.flash?.text ?? "the journal refused the decision")"], current: 2)
            narration.driver = .paused
            return
        }
        decisions += 1
        if answer.wrong { wrong.insert(i) }
        simulation.step(activePick: i, answer: answer)
        var lines = Array(narration.lines.prefix(2))
        let verdict = answer.wrong ? "✗ a simulated error (gold: \(gold))"
            : p.top == nil ? "" : p.top == answer.label ? "✓ the model agreed"
            : "✓ model said \(p.top ?? "-")" + (over.isEmpty ? "" : " for " + over.joined(separator: " "))
        lines.append("analyst labels it \(answer.label) \(verdict)")
        lines.append(changeLine())
        var shows = showsLine()
        if decisions % 7 == 0, let fix = resolveReviewItem() { shows = fix }
        if decisions % 11 == 0, let accepted = answerSuggestion() { shows = accepted }
        lines.append(shows)
        updateCounters()
        narrate(lines, current: 4)
    }

    /// What the last decision changed in the model.
    func changeLine() -> String {
        guard let c = app.state.lastChange else { return "model updated" }
        let terms = c.movedTerms.prefix(3).map { "\($0.term) \($0.delta >= 0 ? "+" : "")\(String(format: "%.2f", $0.delta))" }
        return "model learned" + (terms.isEmpty ? "" : ": " + terms.joined(separator: ", "))
            + " · \(Text.count(c.flipped, "queued label")) flipped"
    }

    /// What the machine shows the analyst now: the next message and the agreement so far.
    func showsLine() -> String {
        let s = app.state
        var parts: [String] = []
        if let next = s.queue.first, s.state(of: next) == .new {
            let p = s.model.predict(s.store.text(next))
            parts.append("next: \(Text.shortID(s.store.displayID(next))) as \(p.top ?? "-") \(Text.percent(p.confidence))")
        }
        if let a = s.recentAgreement(20) { parts.append("agrees \(Text.percent(a)) (last \(min(20, s.agreement.count)))") }
        let review = s.insight?.review.count ?? 0
        if review > 0 { parts.append("\(review) to review") }
        if let g = s.insight?.suggestions.first { parts.append("suggests “\(g.term)” for \(g.label)") }
        return "machine shows " + (parts.isEmpty ? "the re-ranked queue" : parts.joined(separator: " · "))
    }

    /// Resolves the first review item: a simulated error is fixed to its gold label, a correct label is confirmed.
    func resolveReviewItem() -> String? {
        let s = app.state
        guard let item = s.insight?.review.first(where: { s.journal.decisions[s.store.id($0.index)]?.label == $0.given }),
              let gold = s.store.gold(item.index) else { return nil }
        let id = s.store.id(item.index)
        let fixed = gold != item.given
        let d = LabelDecision(messageID: id, label: gold, predicted: item.suggested, confidence: item.confidence,
                              strategy: nil, ms: narration.paceMs, origin: .review)
        app.perform([.append(.label(d))])
        if fixed {
            caught.insert(item.index)
            return "review queue flagged \(id) (\(item.given), model says \(item.suggested)): analyst fixes it to \(gold) ✓"
        }
        return "review queue flagged \(id) (\(item.given), model says \(item.suggested)): analyst keeps \(gold)"
    }

    /// Accepts the first lexicon suggestion whose label most pool messages with the term carry (by gold); rejects it otherwise.
    func answerSuggestion() -> String? {
        let s = app.state
        guard let g = s.insight?.suggestions.first(where: { g in
            !s.journal.lexicon.contains { $0.term == g.term && $0.label == g.label }
                && !s.journal.rejectedSuggestions.contains { $0.term == g.term && $0.label == g.label }
        }) else { return nil }
        var counts: [String: Int] = [:]
        for i in 0..<s.store.count where s.store.text(i).lowercased().contains(g.term.lowercased()) {
            if let gold = s.store.gold(i) { counts[gold, default: 0] += 1 }
        }
        let majority = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        let share = Double(counts[g.label] ?? 0) / Double(max(1, counts.values.reduce(0, +)))
        // The analyst knows the domain: a term is accepted only when it really marks the label.
        if majority == g.label, share >= 0.75, (counts[g.label] ?? 0) >= 3, g.term.count >= 3 {
            app.perform([.append(.lexicon(LexiconChange(op: .add, term: g.term, label: g.label, author: .machine)))])
            return "analyst accepts the machine's suggestion “\(g.term)” for \(g.label) into the lexicon"
        }
        app.perform([.append(.lexicon(LexiconChange(op: .reject, term: g.term, label: g.label, author: .human)))])
        return "analyst rejects the suggestion “\(g.term)” for \(g.label) (only \(Text.percent(share)) of messages with it are \(g.label))"
    }

    /// Curves and error counts for the banner.
    func updateCounters() {
        let flagged = Set(app.state.flagged.keys)
        for i in wrong where flagged.contains(i) { caught.insert(i) }
        var n = narration
        n.step = decisions
        n.activeCurve = simulation.active.curve.points.map(\.macroF1)
        n.randomCurve = simulation.randomCurve.points.map(\.macroF1)
        n.curveLabels = simulation.active.curve.last?.labels ?? 0
        n.errorsMade = wrong.count
        n.errorsCaught = caught.count
        narration = n
    }

    func narrate(_ lines: [String], current: Int) {
        var n = narration
        n.lines = lines
        n.current = current
        narration = n
    }

    /// Why the strategy put this message first.
    static func why(_ p: Prediction, strategy: QueueStrategy) -> String {
        guard !p.probabilities.isEmpty else { return "\(strategy.title) order, nothing learned yet" }
        let u = QueueRanker.uncertainty(p, strategy: strategy)
        switch strategy {
        case .margin: return "margin: top two only \(Text.percent(p.margin)) apart, uncertainty \(String(format: "%.2f", u))"
        case .leastConfidence, .density: return "\(strategy.title): top label \(Text.percent(p.confidence)), uncertainty \(String(format: "%.2f", u))"
        case .entropy: return "entropy: uncertainty \(String(format: "%.2f", u)) of 1"
        case .confident: return "confident: the model's surest, top label \(Text.percent(p.confidence))"
        case .random: return "random order (seeded)"
        case .file: return "file order"
        }
    }
}
