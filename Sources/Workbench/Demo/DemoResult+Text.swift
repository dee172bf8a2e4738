import Foundation

extension DemoResult {
    /// A readable table of both curves, their sparklines and the errors caught.
    public func text() -> String {
        var lines: [String] = []
        let baseline = randomRuns > 1 ? "random (mean of \(randomRuns) orders)" : "random"
        lines.append("dyad demo: \(labels) labels per learner, \(strategy) vs \(baseline), analyst error rate \(Text.percent(noise)), seed \(seed)")
        lines.append("pool \(poolSize) messages, test \(testSize) messages (\(testSource))")
        lines.append("")
        lines.append(Self.pad("labels", 7) + Self.pad("\(strategy) F1", 14) + Self.pad("random F1", 12)
                     + Self.pad("\(strategy) acc", 14) + Self.pad("random acc", 12) + "lead")
        let randomBy = Dictionary(random.points.map { ($0.labels, $0) }, uniquingKeysWith: { a, _ in a })
        for p in active.points {
            let r = randomBy[p.labels]
            let lead = r.map { p.macroF1 - $0.macroF1 }
            lines.append(Self.pad("\(p.labels)", 7) + Self.pad(Self.f(p.macroF1), 14) + Self.pad(r.map { Self.f($0.macroF1) } ?? "-", 12)
                         + Self.pad(Self.f(p.accuracy), 14) + Self.pad(r.map { Self.f($0.accuracy) } ?? "-", 12)
                         + (lead.map { ($0 >= 0 ? "+" : "") + Self.f($0) } ?? "-"))
        }
        lines.append("")
        lines.append(Self.pad(strategy, 8) + Sparkline.render(active.points.map(\.macroF1)) + "  area \(Self.f(active.area))")
        lines.append(Self.pad("random", 8) + Sparkline.render(random.points.map(\.macroF1)) + "  area \(Self.f(random.area))")
        lines.append("")
        lines.append("errors: the analyst gave \(errorsMade) wrong labels; the review check flagged \(reviewFlagged) labels, "
                     + "catching \(errorsCaught) of the \(errorsMade) errors")
        return lines.joined(separator: "\n")
    }

    static func f(_ x: Double) -> String { String(format: "%.3f", x) }
    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
