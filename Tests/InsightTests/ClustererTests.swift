import Core
import Testing
@testable import Insight

@Suite struct ClustererTests {
    let data = Fixtures.topicTexts(perTopic: 30)

    var index: TermIndex { TermIndex(store: Fixtures.store(data.map(\.text)), tokenize: Fixtures.words) }

    @Test func recoversThreeTopicsWithAutomaticK() throws {
        let result = Clusterer().run(index)
        #expect(result.k == 3)
        for cluster in result.clusters {
            let topics = Set(cluster.members.map { data[$0].topic })
            #expect(topics.count == 1, "cluster \(cluster.id) mixes topics \(topics)")
            #expect(cluster.size == 30)
        }
        let best = try #require(result.silhouetteByK[3])
        for (k, s) in result.silhouetteByK where k != 3 { #expect(s < best) }
    }

    @Test func topTermsComeFromTheClusterTopic() throws {
        let result = Clusterer().run(index)
        for cluster in result.clusters {
            let topic = data[cluster.members[0]].topic
            #expect(!cluster.topTerms.isEmpty)
            for t in cluster.topTerms { #expect(Fixtures.topics[topic].contains(t.term)) }
        }
    }

    @Test func sameSeedSameResult() {
        let a = Clusterer().run(index)
        let b = Clusterer().run(index)
        #expect(a == b)
    }

    @Test func overrideK() {
        let result = Clusterer(options: ClusterOptions(k: 5)).run(index)
        #expect(result.k == 5)
        #expect(result.silhouetteByK.isEmpty)
        #expect(result.clusters.map(\.size).reduce(0, +) == 90)
        #expect(result.clusters.map(\.size) == result.clusters.map(\.size).sorted(by: >))
    }

    @Test func sampledFitStillAssignsEveryMessage() {
        let options = ClusterOptions(selectionSampleSize: 30, fitSampleSize: 24)
        let result = Clusterer(options: options).run(index)
        #expect(result.k == 3)
        #expect(result.assignment.allSatisfy { $0 >= 0 })
        for cluster in result.clusters {
            #expect(Set(cluster.members.map { data[$0].topic }).count == 1)
        }
    }

    @Test func labelMixUnlabeledShareAndConfidence() throws {
        let labels: [Int: String] = [0: "fraud", 1: "fraud", 2: "phishing", 31: "malware"]
        var confidences = [Double](repeating: .nan, count: 90)
        confidences[0] = 0.9
        confidences[1] = 0.5
        let result = Clusterer().run(index, labels: labels, confidences: confidences)
        let first = try #require(result.cluster(of: 0))
        let c = result.clusters[first]
        #expect(c.labelMix == ["fraud": 2, "phishing": 1])
        #expect(c.dominantLabel == "fraud")
        #expect(abs(c.unlabeledShare - 27.0 / 30.0) < 1e-9)
        #expect(abs((c.meanConfidence ?? 0) - 0.7) < 1e-9)
        let third = try #require(result.cluster(of: 60))
        #expect(result.clusters[third].unlabeledShare == 1)
        #expect(result.clusters[third].meanConfidence == nil)
    }

    @Test func representativesAreMembersAndBoundaryIsLeastDecided() throws {
        let result = Clusterer().run(index)
        for c in result.clusters {
            #expect(c.representatives.count == 5)
            #expect(c.representatives.allSatisfy { c.members.contains($0) })
            let sims = c.representatives.map { result.similarity[$0] }
            #expect(sims == sims.sorted(by: >))
            let lead = { (i: Int) in result.similarity[i] - result.secondSimilarity[i] }
            let minLead = try #require(c.members.map(lead).min())
            #expect(lead(c.boundary[0]) == minLead)
        }
    }

    @Test func messagesWithoutFeaturesAreUnassigned() {
        var texts = data.map(\.text)
        texts.append("singleton")
        texts.append("")
        let idx = TermIndex(store: Fixtures.store(texts), tokenize: Fixtures.words)
        let result = Clusterer().run(idx)
        #expect(result.cluster(of: 90) == nil)
        #expect(result.cluster(of: 91) == nil)
        #expect(result.cluster(of: 0) != nil)
    }

    @Test func emptyInputGivesNoClusters() {
        let result = Clusterer().run(TermIndex(store: MessageStore(), tokenize: Fixtures.words))
        #expect(result.clusters.isEmpty)
    }
}
