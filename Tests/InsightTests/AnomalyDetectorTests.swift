import Core
import Testing
@testable import Insight

@Suite struct AnomalyDetectorTests {
    @Test func plantedAnomalyRanksFirstWithReason() throws {
        var texts = Fixtures.topicTexts(perTopic: 30).map(\.text)
        texts.insert("zebra quantum violin marmalade tundra", at: 17)
        let idx = TermIndex(store: Fixtures.store(texts), tokenize: Fixtures.words)
        let clustering = Clusterer().run(idx)
        let found = AnomalyDetector().detect(idx, clustering: clustering)
        let first = try #require(found.first)
        #expect(first.messageIndex == 17)
        #expect(first.rareTerms.count == 5)
        #expect(first.reason.contains("shares no term with other messages"))
        #expect(first.reason.contains("5 of 5 terms are rare"))
        #expect(found.dropFirst().allSatisfy { $0.score < first.score })
    }

    @Test func mixedMessageIsFarFromEveryCluster() throws {
        var texts = Fixtures.topicTexts(perTopic: 30).map(\.text)
        // One word from each topic plus two rare words: weakly similar to every cluster.
        texts.append("wire beacon sso kumquat obelisk")
        let idx = TermIndex(store: Fixtures.store(texts), tokenize: Fixtures.words)
        let found = AnomalyDetector().detect(idx, clustering: Clusterer().run(idx))
        let first = try #require(found.first)
        #expect(first.messageIndex == 90)
        #expect(first.reason.contains("far from every cluster"))
    }

    @Test func ordinaryMessagesAreNotFlagged() {
        let idx = TermIndex(store: Fixtures.store(Fixtures.topicTexts(perTopic: 30).map(\.text)), tokenize: Fixtures.words)
        #expect(AnomalyDetector().detect(idx, clustering: Clusterer().run(idx)).isEmpty)
    }

    @Test func reasonFormatting() {
        #expect(AnomalyDetector.format(0.08) == "0.08")
        #expect(AnomalyDetector.format(0.1) == "0.10")
    }
}
