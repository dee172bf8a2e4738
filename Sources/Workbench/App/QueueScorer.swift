import Core
import Engine

/// Scores queued messages with a model: top label, confidence and the
/// strategy's uncertainty. Pure, so it can run on a background thread.
public enum QueueScorer {
    /// Scores messages `range` of `store`; `generation` is stamped on each verdict.
    static func score(model: Classifier, store: MessageStore, range: Range<Int>, strategy: QueueStrategy,
                      seed: UInt64, generation: Int32, rarity: [Float] = [], cache: FeatureCache? = nil) -> [Scored] {
        var out: [Scored] = []
        out.reserveCapacity(range.count)
        let labels = model.labels
        guard model.examplesLearned > 0 else {
            // An untrained model has nothing to say: keep file order, show no guesses.
            return range.map { _ in Scored(generation: generation) }
        }
        for i in range {
            let p = cache.map { model.predict($0.features(i, store: store, model: model)) } ?? model.predict(store.text(i))
            out.append(verdict(p, labels: labels, strategy: strategy, index: i, seed: seed, generation: generation,
                               rarity: rarity))
        }
        return out
    }

    /// The factor by which a message whose top label is `labels[k]` moves up under an
    /// uncertainty strategy: rarely labeled classes first (`QueueRanker.rarity`, as `dyad eval
    /// --simulate` measures it), from the label counts of the journal.
    static func rarity(labels: [String], counts: [String: Int], boost: Double = QueueRanker(strategy: .margin).rareBoost) -> [Float] {
        labels.map { Float(QueueRanker.rarity(of: $0, counts: counts, boost: boost)) }
    }

    /// The compact verdict of prediction `p` of message `index`; `labels` are the model's labels,
    /// `rarity` the factor per label (empty: none).
    static func verdict(_ p: Prediction, labels: [String], strategy: QueueStrategy, index i: Int, seed: UInt64,
                        generation: Int32, rarity: [Float] = []) -> Scored {
        func column(_ k: Int) -> Int? {
            k < labels.count && labels[k] == p.labels[k] ? k : labels.firstIndex(of: p.labels[k])
        }
        var sc = Scored(generation: generation)
        if let t = p.topIndex, let li = column(t) {
            sc.top = Int32(li)
            sc.confidence = Float(p.confidence)
        }
        if let r = p.runnerUpIndex, let li = column(r) { sc.runnerUp = Int32(li) }
        sc.priority = Float(priority(p, strategy: strategy, index: i, seed: seed))
        if strategy.weighsRarity, sc.top >= 0, Int(sc.top) < rarity.count {
            sc.priority *= rarity[Int(sc.top)]
        }
        return sc
    }

    /// How urgently a message should be shown under a strategy (higher first).
    static func priority(_ p: Prediction, strategy: QueueStrategy, index: Int, seed: UInt64) -> Double {
        switch strategy {
        case .random:
            var z = UInt64(truncatingIfNeeded: index) &+ seed &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double(z >> 11) / Double(1 << 53)
        case .file:
            return 0
        case .confident:
            return QueueRanker.sureness(p)
        default:
            return QueueRanker.uncertainty(p, strategy: strategy)
        }
    }
}
