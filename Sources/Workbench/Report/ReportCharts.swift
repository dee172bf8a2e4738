import Foundation

/// The SVG charts of a report, built from `ReportData`.
enum ReportCharts {
    static func xs(_ d: ReportData) -> [Double] { d.cycles.map { Double($0.number) } }

    /// Agreement, gold accuracy and held-out macro-F1 per cycle.
    static func model(_ d: ReportData) -> [String] {
        guard !d.cycles.isEmpty else { return [] }
        var series = [SVGChart.Series(name: "agreement with the analyst", color: SVGChart.palette[0], values: d.cycles.map(\.agreement))]
        if d.cycles.contains(where: { $0.goldAccuracy != nil }) {
            series.append(.init(name: "analyst's gold accuracy", color: SVGChart.palette[2], values: d.cycles.map(\.goldAccuracy)))
        }
        if d.cycles.contains(where: { $0.heldOutMacroF1 != nil }) {
            series.append(.init(name: "held-out macro-F1", color: SVGChart.palette[1], values: d.cycles.map(\.heldOutMacroF1)))
        }
        return [SVGChart.line(title: "Model and analyst per cycle", xs: xs(d), xLabel: "cycle", series: series, yMax: 1, percent: true)]
    }

    /// Time per decision and lexicon growth by author.
    static func analyst(_ d: ReportData) -> [String] {
        var out: [String] = []
        let timed = d.cycles.filter { $0.medianMs != nil }
        if !timed.isEmpty {
            out.append(SVGChart.bars(title: "Median time per decision", categories: timed.map { "\($0.number)" },
                                     values: timed.map { $0.medianMs ?? 0 }, color: SVGChart.palette[3],
                                     format: Self.duration))
        }
        if !d.lexiconGrowth.isEmpty {
            let g = [(decisions: 0, human: 0, machine: 0)] + d.lexiconGrowth
            out.append(SVGChart.line(title: "Lexicon size by author", xs: g.map { Double($0.decisions) }, xLabel: "decisions",
                                     series: [.init(name: "analyst", color: SVGChart.palette[0], values: g.map { Double($0.human) }),
                                              .init(name: "machine (accepted)", color: SVGChart.palette[1], values: g.map { Double($0.machine) })],
                                     yMax: nil, percent: false))
        }
        return out
    }

    /// Decisions per label in each cycle, stacked.
    static func labels(_ d: ReportData) -> [String] {
        guard !d.cycles.isEmpty else { return [] }
        var names = d.labels
        for c in d.cycles { for l in c.perLabel.keys.sorted() where !names.contains(l) { names.append(l) } }
        let series = names.enumerated().map { k, l in
            SVGChart.Series(name: l, color: SVGChart.palette[k % SVGChart.palette.count], values: d.cycles.map { Double($0.perLabel[l] ?? 0) })
        }.filter { $0.values.contains { ($0 ?? 0) > 0 } }
        return [SVGChart.stacked(title: "Label distribution per cycle", categories: d.cycles.map { "\($0.number)" }, series: series)]
    }

    /// Milliseconds as `850 ms` or `2.5 s`.
    static func duration(_ ms: Double) -> String {
        ms < 1000 ? "\(Int(ms.rounded())) ms" : String(format: "%.1f s", ms / 1000)
    }
}
