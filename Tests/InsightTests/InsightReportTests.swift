import Core
import Engine
import Foundation
import Testing
@testable import Insight

@Suite struct InsightReportTests {
    let texts = Fixtures.topicTexts(perTopic: 25).map(\.text)

    @Test func beforeAnyLabelOnlyUnsupervisedParts() throws {
        let store = Fixtures.store(texts)
        let report = InsightReport.compute(InsightInput(store: store))
        #expect(report.messageCount == 75)
        #expect(report.clustering.k == 3)
        #expect(report.unlabeledClusters.count == 3)
        #expect(report.suggestions.isEmpty)
        #expect(report.review.isEmpty)
        let json = try JSONSerialization.jsonObject(with: report.jsonData(store: store)) as? [String: Any]
        let object = try #require(json)
        for key in ["clusters", "anomalies", "emerging_terms", "suggestions", "review"] {
            #expect(object[key] is [Any], "missing \(key)")
        }
        let clusters = try #require(object["clusters"] as? [[String: Any]])
        for key in ["id", "size", "top_terms", "label_mix", "unlabeled_share"] {
            #expect(clusters[0][key] != nil, "cluster lacks \(key)")
        }
    }

    @Test func withLabelsSuggestsAndReviews() throws {
        var labels: [Int: String] = [:]
        for i in 0..<75 { labels[i] = ["fraud", "malware", "phishing"][i / 25] }
        labels[3] = "phishing"
        let store = Fixtures.store(texts)
        let report = InsightReport.compute(InsightInput(store: store, labels: labels, options: InsightOptions(engine: EngineConfig(hashBits: 18))))
        #expect(!report.suggestions.isEmpty)
        #expect(report.review.first?.messageIndex == 3)
        #expect(report.unlabeledClusters.isEmpty)
        #expect(report.clustering.clusters.allSatisfy { $0.meanConfidence != nil })
        let text = report.text(store: store)
        #expect(text.contains("3 clusters over 75 messages"))
        #expect(text.contains("m3"))
    }

    @Test func sameInputSameReport() throws {
        let store = Fixtures.store(texts)
        let a = try InsightReport.compute(InsightInput(store: store)).jsonData(store: store)
        let b = try InsightReport.compute(InsightInput(store: store)).jsonData(store: store)
        #expect(a == b)
    }
}
