/// Classification scores of predicted against gold labels.
public struct Metrics: Sendable, Equatable {
    /// Mean F1 over every label seen in gold or predictions (scikit-learn's `macro`).
    public var macroF1: Double
    /// Fraction of exact matches.
    public var accuracy: Double
    /// F1 per label, sorted by label.
    public var perLabel: [(label: String, f1: Double)]

    /// Scores `predicted` against `gold` (parallel arrays).
    public init(gold: [String], predicted: [String]) {
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        var correct = 0
        for (g, p) in zip(gold, predicted) {
            if g == p { tp[g, default: 0] += 1; correct += 1 } else { fp[p, default: 0] += 1; fn[g, default: 0] += 1 }
        }
        let labels = Set(gold).union(predicted).sorted()
        perLabel = labels.map { l in
            let t = Double(tp[l] ?? 0), d = 2 * t + Double(fp[l] ?? 0) + Double(fn[l] ?? 0)
            return (l, d > 0 ? 2 * t / d : 0)
        }
        macroF1 = labels.isEmpty ? 0 : perLabel.map(\.f1).reduce(0, +) / Double(labels.count)
        accuracy = gold.isEmpty ? 0 : Double(correct) / Double(gold.count)
    }

    public static func == (a: Metrics, b: Metrics) -> Bool {
        a.macroF1 == b.macroF1 && a.accuracy == b.accuracy && a.perLabel.map(\.label) == b.perLabel.map(\.label)
            && a.perLabel.map(\.f1) == b.perLabel.map(\.f1)
    }
}
