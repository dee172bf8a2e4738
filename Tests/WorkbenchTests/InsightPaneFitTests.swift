import Terminal
import Testing
@testable import Workbench

/// The insight pane's rows give way word by word at narrow widths: the verdict on the last
/// decision is always seen, lists keep whole terms, and nothing is cut mid-word by the border.
@Suite struct InsightPaneFitTests {
    static let change = ChangeSummary(decision: "benign ← “Hello, Please find attached the invoice for February”",
                                      agreed: false, movedTerms: [(term: "department", delta: 0.88), (term: "february", delta: 0.81),
                                                                  (term: "process", delta: 0.7), (term: "attachment", delta: 0.5)],
                                      flipped: 237)

    static func text(_ row: [(String, Role)]) -> String { row.map(\.0).joined() }

    @Test func theVerdictStaysAndTheQuoteGivesWay() {
        let wide = Self.text(InsightPane.lastRow(Self.change, width: 130))
        #expect(wide.contains("model had it wrong") && wide.contains("237 queue predictions flipped"), "\(wide)")
        #expect(wide.contains("invoice for February”"))
        let mid = Self.text(InsightPane.lastRow(Self.change, width: 68))
        #expect(mid.contains("model had it wrong") && mid.hasSuffix("237 flipped"), "\(mid)")
        #expect(mid.contains("…”"), "the quote is cut inside its quote marks: \(mid)")
        let narrow = Self.text(InsightPane.lastRow(Self.change, width: 45))
        #expect(narrow.hasSuffix("model wrong") && !narrow.contains("flipped"), "\(narrow)")
        for w in [30, 45, 68, 120] {
            #expect(DisplayWidth.of(Self.text(InsightPane.lastRow(Self.change, width: w))) <= w, "width \(w)")
        }
        let agreed = ChangeSummary(decision: "phishing ← “x”", agreed: true, movedTerms: [], flipped: 1)
        #expect(Self.text(InsightPane.lastRow(agreed, width: 80)) == "last   phishing ← “x”  model agreed  · 1 queue prediction flipped")
    }

    @Test func firstFittingTakesTheLongestThatFits() {
        let variants: [[(String, Role)]] = [[("a long variant", .text)], [("short", .text)], [("x", .text)]]
        #expect(Self.text(Text.firstFitting(variants, width: 20)) == "a long variant")
        #expect(Self.text(Text.firstFitting(variants, width: 6)) == "short")
        #expect(Self.text(Text.firstFitting(variants, width: 0)) == "x", "the last when none fits")
    }

    @Test func theUnlabeledClusterRowKeepsWholeTerms() {
        let c = InsightSummary.ClusterInfo(id: 1, size: 20, topTerms: ["parksmart", "pay", "pcn", "parking"], labelMix: [:],
                                           unlabeledShare: 1, meanConfidence: nil, members: [], boundary: [])
        let wide = Self.text(InsightPane.seesRow(c, clusters: 30, browse: "c", width: 100))
        #expect(wide == "sees   30 clusters with no labels: parksmart, pay, pcn, parking (20 msgs) — c to browse")
        let narrow = Self.text(InsightPane.seesRow(c, clusters: 30, browse: "c", width: 50))
        #expect(narrow == "sees   30 unlabeled clusters: parksmart (20 msgs)", "\(narrow)")
        let tight = Self.text(InsightPane.seesRow(c, clusters: 30, browse: "c", width: 40))
        #expect(tight == "sees   30 unlabeled clusters: parksmart", "only the term when its size does not fit: \(tight)")
    }

    @Test("a cluster row gives its terms first and its labels after them, dropping terms before labels")
    func clusterRowTermsThenLabels() {
        let c = InsightSummary.ClusterInfo(id: 9, size: 18, topTerms: ["velora", "secure", "restore", "verify", "bank"],
                                           labelMix: ["phishing": 17, "fraud": 1], unlabeledShare: 0, meanConfidence: nil,
                                           members: [], boundary: [])
        #expect(ClustersView.rowTail(c, width: 80) == "velora secure restore verify bank · phishing 17, fraud 1")
        #expect(ClustersView.rowTail(c, width: 40) == "velora secure · phishing 17, fraud 1")
        var fresh = c
        fresh.labelMix = [:]
        #expect(ClustersView.rowTail(fresh, width: 20) == "velora secure")
    }

    @Test("the cycle report's moved terms leave out function words and an indicator beside its own host")
    func movedTermsTellSomething() {
        #expect(!CycleMetricsBuilder.tellsSomething("a"))
        #expect(!CycleMetricsBuilder.tellsSomething("on a"))
        #expect(!CycleMetricsBuilder.tellsSomething("http://paypa1-secure.com paypa1-secure.com"))
        #expect(CycleMetricsBuilder.tellsSomething("mimikatz"))
        #expect(CycleMetricsBuilder.tellsSomething("the invoice"))
        #expect(CycleMetricsBuilder.tellsSomething("http://paypa1-secure.com"))
    }
}
