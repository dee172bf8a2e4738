/// Macro-averaged F1 over the gold labels' classes.
enum MacroF1 {
    /// Mean of per-class F1 over every class that occurs in `gold`.
    static func score(gold: [String], predicted: [String]) -> Double {
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        for (g, p) in zip(gold, predicted) {
            if g == p { tp[g, default: 0] += 1 } else {
                fn[g, default: 0] += 1
                fp[p, default: 0] += 1
            }
        }
        let classes = Set(gold)
        guard !classes.isEmpty else { return 0 }
        var sum = 0.0
        for c in classes {
            let t = Double(tp[c] ?? 0), f1d = 2 * t + Double(fp[c] ?? 0) + Double(fn[c] ?? 0)
            sum += f1d == 0 ? 0 : 2 * t / f1d
        }
        return sum / Double(classes.count)
    }
}
