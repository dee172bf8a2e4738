import Core
import Foundation

/// Orders unlabeled messages for the analyst (active learning).
///
/// Uncertainty per strategy (higher = ask sooner):
/// - least confidence: `1 - p(top)`;
/// - margin: `1 - (p(top) - p(runner-up))`;
/// - entropy: entropy of the distribution divided by `log(K)` (0…1);
/// - density: least-confidence uncertainty × cosine similarity of the
///   message to the centroid of the pool (`DensityModel`), so typical
///   messages come before uncertain outliers;
/// - confident: the top label's probability, surest first (confirmation, not
///   active learning: no rarity factor);
/// - random: a seeded hash of the candidate index (same seed, same order);
/// - file: the input order.
///
/// Given the counts of the labels so far, an uncertainty strategy's priority is
/// multiplied by `(mean count / count of the predicted label)^rareBoost`, so
/// uncertain messages that look like rarely labeled classes come first (better
/// macro-F1 with few labels; see `docs/engine.md`).
///
/// A batch skips near-duplicates: a candidate whose features have cosine
/// similarity ≥ `duplicateThreshold` with one already chosen is passed over
/// (taken only when nothing else is left).
public struct QueueRanker: Sendable {
    /// How candidates are ordered.
    public var strategy: QueueStrategy
    /// Seed of the random order.
    public var seed: UInt64
    /// Cosine similarity at or above which two messages count as near-duplicates.
    public var duplicateThreshold: Double

    /// Exponent of the rarity factor applied when label counts are given (0: off).
    public var rareBoost: Double

    /// Creates a ranker.
    public init(strategy: QueueStrategy, seed: UInt64 = 0x5EED_D1AD, duplicateThreshold: Double = 0.9,
                rareBoost: Double = 0.5) {
        self.rareBoost = rareBoost
        self.strategy = strategy
        self.seed = seed
        self.duplicateThreshold = duplicateThreshold
    }

    /// The `confident` order's priority: the top label's probability (0 without a prediction).
    public static func sureness(_ p: Prediction) -> Double {
        p.probabilities.isEmpty ? 0 : p.confidence
    }

    /// How uncertain a prediction is under a strategy (0 = sure; empty predictions are maximally uncertain).
    public static func uncertainty(_ p: Prediction, strategy: QueueStrategy) -> Double {
        guard !p.probabilities.isEmpty else { return 1 }
        switch strategy {
        case .leastConfidence, .density, .confident: return 1 - p.confidence
        case .margin: return 1 - p.margin
        case .entropy:
            let k = Double(p.probabilities.count)
            return k > 1 ? p.entropy / log(k) : 0
        case .random, .file: return 0
        }
    }

    /// The factor by which a message predicted as `label` is moved up: `(mean / counts[label])^boost`
    /// over the labels in `counts` (1 without counts, label or boost).
    public static func rarity(of label: String?, counts: [String: Int], boost: Double) -> Double {
        guard boost > 0, !counts.isEmpty, let label else { return 1 }
        let mean = Double(counts.values.reduce(0, +)) / Double(counts.count)
        return pow(mean / Double(max(counts[label] ?? 0, 1)), boost)
    }

    /// Priority of one candidate (higher first); `density` is used by the density strategy only.
    public func priority(index: Int, prediction: Prediction, density: Double = 1) -> Double {
        switch strategy {
        case .file: return -Double(index)
        case .random: return Double(FeatureHash.splitmix(seed ^ FeatureHash.mix(UInt64(truncatingIfNeeded: index))) >> 11)
        case .density: return Self.uncertainty(prediction, strategy: .density) * density
        case .confident: return Self.sureness(prediction)
        default: return Self.uncertainty(prediction, strategy: strategy)
        }
    }

    /// The first `count` candidates in queue order, skipping near-duplicates within the batch.
    ///
    /// - Parameters:
    ///   - candidates: message indices to choose from.
    ///   - prediction: the current prediction of a candidate (not called for `file`/`random`).
    ///   - features: a candidate's features, for near-duplicate skipping and density (optional).
    ///   - density: the pool's density model, for the `density` strategy.
    ///   - labelCounts: how many messages carry each label so far, for the rarity factor.
    public func rank(_ candidates: [Int], count: Int, prediction: (Int) -> Prediction,
                     features: ((Int) -> FeatureVector)? = nil, density: DensityModel? = nil,
                     labelCounts: [String: Int]? = nil) -> [Int] {
        guard count > 0, !candidates.isEmpty else { return [] }
        let needsPrediction = strategy != .file && strategy != .random
        var scored: [(Double, Int)] = []
        scored.reserveCapacity(candidates.count)
        for i in candidates {
            let p = needsPrediction ? prediction(i) : .empty
            var d = 1.0
            if strategy == .density, let density, let features { d = density.similarity(features(i)) }
            var priority = priority(index: i, prediction: p, density: d)
            if strategy.weighsRarity, let labelCounts {
                priority *= Self.rarity(of: p.top, counts: labelCounts, boost: rareBoost)
            }
            scored.append((priority, i))
        }
        let before: ((Double, Int), (Double, Int)) -> Bool = { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let poolSize = min(scored.count, max(count * 8, 256))
        var pool = Self.top(scored, poolSize, by: before)
        var chosen: [Int] = [], chosenFeatures: [FeatureVector] = [], skipped: [Int] = []
        var exhausted = poolSize == scored.count
        while chosen.count < count {
            for (_, i) in pool where chosen.count < count {
                if let features {
                    let f = features(i)
                    if chosenFeatures.contains(where: { $0.cosine(f) >= duplicateThreshold }) { skipped.append(i); continue }
                    chosenFeatures.append(f)
                }
                chosen.append(i)
            }
            if chosen.count >= count || exhausted { break }
            let taken = Set(pool.map(\.1))
            pool = scored.filter { !taken.contains($0.1) }.sorted(by: before)
            exhausted = true
        }
        for i in skipped where chosen.count < count { chosen.append(i) }
        return chosen
    }

    /// The `k` best elements by `before`, sorted (a bounded selection, O(n log k)).
    static func top(_ xs: [(Double, Int)], _ k: Int, by before: ((Double, Int), (Double, Int)) -> Bool) -> [(Double, Int)] {
        if k >= xs.count { return xs.sorted(by: before) }
        var best = Array(xs.prefix(k)).sorted(by: before)
        for x in xs.dropFirst(k) {
            guard let last = best.last, before(x, last) else { continue }
            var lo = 0, hi = best.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(best[mid], x) { lo = mid + 1 } else { hi = mid }
            }
            best.insert(x, at: lo)
            best.removeLast()
        }
        return best
    }
}
