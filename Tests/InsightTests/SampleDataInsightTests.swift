import Core
import Foundation
import Testing
import TestSupport
@testable import Insight

/// The June "ParkSmart-Pay" campaign of `SampleData/threats.jsonl` (see SampleData/README.md).
@Suite struct SampleDataInsightTests {
    static func load() throws -> MessageStore {
        let url = TestSupport.packageRoot.appendingPathComponent("SampleData/threats.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        var store = MessageStore()
        for line in text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let o = try #require(object)
            store.append(Message(id: o["id"] as? String ?? "", text: o["text"] as? String ?? "",
                                 gold: o["gold"] as? String, ts: o["ts"] as? String))
        }
        return store
    }

    /// Campaign messages by its key terms (all 38 are in June).
    static func isCampaign(_ store: MessageStore, _ i: Int) -> Bool {
        let t = store.text(i).lowercased()
        return t.contains("parksmart") || t.contains("parking") || t.contains("pcn")
    }

    @Test func lateCampaignIsTheTopEmergingTerm() throws {
        let store = try Self.load()
        let report = InsightReport.compute(InsightInput(store: store), parts: [.emerging])
        let top = try #require(report.emergingTerms.first)
        #expect(top.term == "parksmart")
        #expect(top.messageIndices.allSatisfy { Self.isCampaign(store, $0) })
        let terms = Set(report.emergingTerms.prefix(10).map(\.term))
        #expect(terms.isSuperset(of: ["parksmart", "pcn", "parking"]))
    }

    @Test func lateCampaignIsAClusterWithoutLabels() throws {
        let store = try Self.load()
        let campaign = (0..<store.count).filter { Self.isCampaign(store, $0) }
        #expect(campaign.count == 38)
        // Before any decision: a cluster made of the campaign, with no label.
        let fresh = InsightReport.compute(InsightInput(store: store), parts: [.clusters])
        let cluster = try #require(fresh.clustering.clusters.max {
            $0.members.filter { Self.isCampaign(store, $0) }.count < $1.members.filter { Self.isCampaign(store, $0) }.count
        })
        let inside = cluster.members.filter { Self.isCampaign(store, $0) }.count
        #expect(Double(inside) >= 0.75 * Double(campaign.count), "cluster holds \(inside) of \(campaign.count) campaign messages")
        #expect(Double(inside) >= 0.75 * Double(cluster.size), "campaign is \(inside) of \(cluster.size) members")
        #expect(cluster.labeledCount == 0)
        #expect(cluster.topTerms.prefix(3).contains { $0.term == "parksmart" })
        // The analyst labeled everything before the campaign: that cluster stays (almost) unlabeled.
        var labels: [Int: String] = [:]
        for i in 0..<store.count where (store.ts(i) ?? "") < "2026-06-05" { labels[i] = store.gold(i) }
        var labeled = fresh.clustering
        labeled.annotate(labels: labels)
        let same = labeled.clusters[cluster.id]
        #expect(same.unlabeledShare >= 0.9)
        #expect(labeled.clusters.filter { $0.unlabeledShare >= 0.9 }.map(\.id) == [cluster.id])
        // Clusters are named by content: no Spanish, Portuguese or French function word among any top terms.
        for c in fresh.clustering.clusters {
            #expect(!c.topTerms.contains { StopWords.otherLanguages.contains($0.term) }, "cluster \(c.id): \(c.topTerms.map(\.term))")
        }
    }
}
