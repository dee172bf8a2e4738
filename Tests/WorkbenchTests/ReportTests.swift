import Core
import Engine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Journal
import Testing
@testable import Workbench

/// `dyad report`: self-contained HTML with well-formed SVG charts, and the numbers behind them.
@Suite("Report")
struct ReportTests {
    /// A small journal: three labels, two cycles, lexicon by both authors, a cluster labeled, a term needing escapes.
    static func records() -> [JournalRecord] {
        var events: [Event] = [.sessionOpened(SessionOpened(dyadVersion: "0.1.0", files: ["fixture.jsonl"], filesHash: "0", messageCount: 10))]
        for l in ["phishing", "data-leak", "benign"] { events.append(.labelDefined(name: l, key: nil, description: nil)) }
        let store = Fixtures.store()
        for i in 0..<5 {
            events.append(.label(LabelDecision(messageID: store.id(i), label: store.gold(i) ?? "", predicted: i == 0 ? nil : (i % 2 == 0 ? store.gold(i) : "benign"),
                                               confidence: 0.5, strategy: .margin, ms: 1000 + 500 * i, origin: .triage)))
        }
        events.append(.lexicon(LexiconChange(op: .add, term: "<script>&\"x\"", label: "phishing", author: .human)))
        events.append(.cycleClosed(CycleMetrics(number: 1, decisions: 5, agreement: 0.5, goldAccuracy: 1, perLabel: ["phishing": 2, "data-leak": 2, "benign": 1],
                                                lexiconChanges: ["human": 1], msPerDecision: 2000)))
        events.append(.lexicon(LexiconChange(op: .add, term: "combo", label: "data-leak", author: .machine)))
        events.append(.bulkLabel(BulkLabel(label: "benign", messageIDs: [store.id(4), store.id(5)], cluster: 3)))
        events.append(.label(LabelDecision(messageID: store.id(7), label: "phishing", predicted: "phishing", confidence: 0.8, strategy: .margin, ms: 900, origin: .demo)))
        return events.enumerated().map { JournalRecord(seq: $0.offset + 1, time: "2026-11-21T10:00:\(String(format: "%02d", $0.offset)).000Z", actor: "ana", event: $0.element) }
    }

    static func data() -> ReportData {
        let store = Fixtures.store()
        let test = ReportData.TestSet(texts: (0..<store.count).map { store.text($0) }, gold: (0..<store.count).map { store.gold($0) ?? "" }, source: "fixture")
        return ReportData(records: records(), store: store, test: test)
    }

    @Test("cycles, lexicon growth, clusters and origins are folded from the journal")
    func fold() throws {
        let d = Self.data()
        #expect(d.cycles.count == 2)
        let first = try #require(d.cycles.first)
        #expect(first.closed && first.number == 1 && first.decisions == 5)
        #expect(first.agreement == 0.5)
        #expect(first.heldOutMacroF1 != nil)
        let open = try #require(d.cycles.last)
        #expect(!open.closed && open.number == 2 && open.decisions == 3)
        #expect(open.goldAccuracy != nil)
        #expect(d.lexiconGrowth.map(\.human) == [1, 1] && d.lexiconGrowth.map(\.machine) == [0, 1])
        #expect(d.bulkDecisions.map(\.cluster) == [3])
        #expect(d.bulkDecisions.map(\.origin) == [.cluster], "a bulk label recorded before origins reads as a cluster's")
        #expect(d.origins["demo"] == 1 && d.origins["cluster"] == 2 && d.origins["triage"] == 5)
    }

    @Test("a page confirmed under a focus is counted and listed as one, apart from clusters")
    func focusPages() {
        let store = Fixtures.store()
        var records = Self.records()
        records.append(JournalRecord(seq: records.count + 1, time: "2026-11-21T10:01:00.000Z", actor: "ana",
                                     event: .bulkLabel(BulkLabel(label: "phishing", messageIDs: [store.id(8), store.id(9)], cluster: nil, origin: .focus))))
        let d = ReportData(records: records, store: store, test: nil)
        #expect(d.bulkDecisions.map(\.origin) == [.cluster, .focus])
        #expect(d.origins["focus"] == 2 && d.origins["cluster"] == 2)
        let md = ReportText.markdown(d, title: "t")
        #expect(md.contains("| cluster 3 | benign | 2 |"), "\(md)")
        #expect(md.contains("| a page under a focus | phishing | 2 |"), "\(md)")
    }

    @Test("the HTML loads nothing from the network and runs no script")
    func selfContained() {
        let html = ReportBuilder.render(Self.data()).html
        for bad in ["src=\"http", "href=\"http", "src='http", "href='http", "<script", "<link", "@import", "url("] {
            #expect(!html.lowercased().contains(bad), "the report contains \(bad)")
        }
        #expect(html.contains("&lt;script&gt;&amp;&quot;x&quot;"), "the lexicon term is escaped")
        #expect(html.contains("<svg"))
    }

    @Test("every SVG chart is well-formed XML")
    func svgWellFormed() throws {
        let html = ReportBuilder.render(Self.data()).html
        let svgs = Self.svgs(in: html)
        #expect(svgs.count >= 4, "charts found: \(svgs.count)")
        for svg in svgs {
            let parser = XMLParser(data: Data(svg.utf8))
            let ok = parser.parse()
            #expect(ok, "not well-formed (\(parser.parserError.map { "\($0)" } ?? "?")): \(svg.prefix(300))")
        }
    }

    @Test("the Markdown summary has the cycle table and the lexicon")
    func markdown() {
        let md = ReportBuilder.render(Self.data()).markdown
        #expect(md.contains("| cycle | decisions | agreement |"))
        #expect(md.contains("| 1 | 5 | 50% |"))
        #expect(md.contains("combo"))
    }

    @Test("an empty journal still gives a valid report")
    func empty() throws {
        let out = ReportBuilder.render(ReportData(records: [], store: nil, test: nil))
        #expect(out.html.contains("Not enough decisions yet"))
        for svg in Self.svgs(in: out.html) { #expect(XMLParser(data: Data(svg.utf8)).parse()) }
    }

    /// The `<svg …>…</svg>` elements of a page.
    static func svgs(in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }
}
