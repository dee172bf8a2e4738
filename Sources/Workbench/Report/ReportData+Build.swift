import Core
import Engine
import Journal

extension ReportData {
    /// A held-out test set: texts and their gold labels.
    public struct TestSet: Sendable {
        /// Test texts.
        public var texts: [String]
        /// Gold labels, parallel to `texts`.
        public var gold: [String]
        /// Where it came from (shown in the report).
        public var source: String

        /// Creates a test set.
        public init(texts: [String], gold: [String], source: String) {
            self.texts = texts
            self.gold = gold
            self.source = source
        }
    }

    /// Folds `records` into report data. With `store` (the session's messages), gold accuracy and
    /// cluster samples are filled in; with `test` too, the model is replayed and scored at each cycle's end.
    public init(records: [JournalRecord], store: MessageStore?, test: TestSet?, config: EngineConfig = EngineConfig()) {
        journal = JournalState(records: records)
        heldOutSource = test?.source
        if let f = records.first, let l = records.last { span = (f.time, l.time) }
        var acc = Accumulator()
        var model = Classifier(config: config)
        let replay = store != nil && test != nil
        let testFeatures = replay ? (test?.texts.map { model.featurize($0) } ?? []) : []
        var entries: [String: String] = [:]
        var actorSet: [String] = []
        var total = 0
        var number = 1
        for r in records where journal.undone[r.seq] == nil {
            if replay, let store { ModelUpdate.apply(r, to: &model, store: store) }
            switch r.event {
            case .label(let d):
                total += 1
                origins[d.origin.rawValue, default: 0] += 1
                if !actorSet.contains(r.actor) { actorSet.append(r.actor) }
                acc.add(label: d.label, predicted: d.predicted, ms: d.ms, gold: store.flatMap { s in s.index(ofID: d.messageID).flatMap { s.gold($0) } })
            case .bulkLabel(let b):
                total += b.messageIDs.count
                let origin = b.madeIn
                origins[origin.rawValue, default: 0] += b.messageIDs.count
                if !actorSet.contains(r.actor) { actorSet.append(r.actor) }
                for id in b.messageIDs {
                    acc.add(label: b.label, predicted: nil, ms: 0, gold: store.flatMap { s in s.index(ofID: id).flatMap { s.gold($0) } })
                }
                let sample = store.flatMap { s in b.messageIDs.first.flatMap { s.index(ofID: $0) }.map { s.text($0) } }
                bulkDecisions.append(BulkDecision(origin: origin, cluster: b.cluster, label: b.label, messages: b.messageIDs.count,
                                                  actor: r.actor, sample: sample))
            case .lexicon(let c):
                acc.lexicon[c.author.rawValue, default: 0] += 1
                let key = "\(c.label ?? "")|\(c.term)"
                switch c.op {
                case .add, .boost: if entries[key] == nil { entries[key] = c.author.rawValue }
                case .remove: entries[key] = nil
                case .suppress, .unsuppress, .reject: break
                }
                let human = entries.values.filter { $0 == TermAuthor.human.rawValue }.count
                lexiconGrowth.append((total, human, entries.count - human))
            case .cycleClosed(let m):
                var cycle = acc.cycle(number: m.number, closed: true)
                cycle.agreement = m.decisions > 0 ? m.agreement : cycle.agreement
                cycle.goldAccuracy = m.goldAccuracy ?? cycle.goldAccuracy
                cycle.medianMs = m.msPerDecision > 0 ? m.msPerDecision : cycle.medianMs
                cycle.consistency = m.consistency
                cycle.heldOutMacroF1 = m.heldOutMacroF1 ?? (replay ? Self.macroF1(model, testFeatures, test?.gold ?? []) : nil)
                if !m.perLabel.isEmpty { cycle.perLabel = m.perLabel }
                if !m.lexiconChanges.isEmpty { cycle.lexiconChanges = m.lexiconChanges }
                cycles.append(cycle)
                number = m.number + 1
                acc = Accumulator()
            default:
                break
            }
        }
        if acc.decisions > 0 {
            var open = acc.cycle(number: number, closed: false)
            if replay { open.heldOutMacroF1 = Self.macroF1(model, testFeatures, test?.gold ?? []) }
            cycles.append(open)
        }
        actors = actorSet
    }

    static func macroF1(_ model: Classifier, _ features: [FeatureVector], _ gold: [String]) -> Double? {
        guard !features.isEmpty, model.examplesLearned > 0 else { return nil }
        return Metrics(gold: gold, predicted: features.map { model.predict($0).top ?? "" }).macroF1
    }

    /// Running totals of the open cycle.
    struct Accumulator {
        var decisions = 0, judged = 0, agreed = 0, withGold = 0, goldRight = 0
        var times: [Int] = []
        var perLabel: [String: Int] = [:]
        var lexicon: [String: Int] = [:]

        mutating func add(label: String, predicted: String?, ms: Int, gold: String?) {
            decisions += 1
            perLabel[label, default: 0] += 1
            if let p = predicted { judged += 1; if p == label { agreed += 1 } }
            if let g = gold { withGold += 1; if g == label { goldRight += 1 } }
            if ms > 0 { times.append(ms) }
        }

        func cycle(number: Int, closed: Bool) -> Cycle {
            let sorted = times.sorted()
            return Cycle(number: number, closed: closed, decisions: decisions,
                         agreement: judged > 0 ? Double(agreed) / Double(judged) : nil,
                         goldAccuracy: withGold > 0 ? Double(goldRight) / Double(withGold) : nil, heldOutMacroF1: nil,
                         medianMs: sorted.isEmpty ? nil : Double(sorted[sorted.count / 2]),
                         perLabel: perLabel, lexiconChanges: lexicon, consistency: nil)
        }
    }
}
