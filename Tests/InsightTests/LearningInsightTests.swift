import Core
import Engine
import Testing
@testable import Insight

/// Lexicon suggestions and the review queue, on labeled topic data.
@Suite struct LearningInsightTests {
    static let names = ["fraud", "malware", "phishing"]
    let data = Fixtures.topicTexts(perTopic: 20)
    var store: MessageStore { Fixtures.store(data.map(\.text)) }

    func labels(mislabel: [Int: String] = [:]) -> [Int: String] {
        var out: [Int: String] = [:]
        for (i, d) in data.enumerated() { out[i] = mislabel[i] ?? Self.names[d.topic] }
        return out
    }

    /// Small hash space: same behaviour, quicker tests.
    static let config = EngineConfig(hashBits: 18)

    func trained(_ labels: [Int: String]) -> Classifier {
        InsightReport.trainedModel(store: store, labels: labels, options: InsightOptions(engine: Self.config))
    }

    @Test func plantedMislabelIsFirstInReview() throws {
        let given = labels(mislabel: [5: "malware"])
        let items = InconsistencyFinder().find(store: store, labels: given, base: Classifier(config: Self.config))
        let first = try #require(items.first)
        #expect(first.messageIndex == 5)
        #expect(first.givenLabel == "malware")
        #expect(first.suggestedLabel == "fraud")
        #expect(first.confidence >= 0.6)
        #expect(items.allSatisfy { $0.messageIndex == 5 })
    }

    @Test func reviewItemCarriesTheHeldOutReasonsAndItsNearestLabeledMessages() throws {
        let given = labels(mislabel: [5: "malware"])
        let item = try #require(InconsistencyFinder().find(store: store, labels: given, base: Classifier(config: Self.config)).first)
        // Reasons: positive contributions (towards the suggestion) first, then negative ones, each inside the text.
        let signs = item.reasons.map { $0.weight > 0 }
        #expect(signs.first == true)
        #expect(signs == signs.sorted { $0 && !$1 }, "positive reasons come first")
        let text = store.text(5)
        for r in item.reasons { #expect(r.range.upperBound <= text.utf8.count) }
        // Neighbours: three, never itself, most similar first, mostly the true topic's label.
        #expect(item.neighbours.count == 3)
        #expect(!item.neighbours.contains { $0.messageIndex == 5 })
        #expect(item.neighbours.map(\.similarity) == item.neighbours.map(\.similarity).sorted(by: >))
        #expect(item.neighbours.allSatisfy { $0.similarity > 0 && $0.similarity <= 1 + 1e-9 })
        #expect(item.neighbours.filter { $0.label == "fraud" }.count >= 2)
    }

    @Test func neighboursAreTheBruteForceWordCosine() {
        let base = Classifier(config: Self.config)
        let texts = (0..<30).map { store.text($0) }
        let examples = texts.map { LabeledExample(text: $0, label: "x", features: base.featurize($0)) }
        func words(_ i: Int) -> Set<UInt32> { Set(examples[i].features!.indices.prefix(examples[i].features!.wordCount)) }
        for e in [0, 7, 19] {
            var scored: [(Int, Double)] = []
            for j in examples.indices where j != e {
                let common = Double(words(e).intersection(words(j)).count)
                let norm = (Double(words(e).count) * Double(words(j).count)).squareRoot()
                if common > 0 { scored.append((j, common / norm)) }
            }
            scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let brute = scored.prefix(3)
            let found = InconsistencyFinder().neighbours(of: e, in: examples)
            #expect(found.map { $0.example } == brute.map { $0.0 })
            for (f, b) in zip(found, brute) { #expect(abs(f.similarity - b.1) < 1e-12) }
        }
    }

    @Test func reviewIsDeterministicAndEmptyWhenConsistent() {
        let given = labels(mislabel: [5: "malware", 44: "fraud"])
        let a = InconsistencyFinder().find(store: store, labels: given, base: Classifier(config: Self.config))
        let b = InconsistencyFinder().find(store: store, labels: given, base: Classifier(config: Self.config))
        #expect(a == b)
        #expect(Set(a.map(\.messageIndex)) == [5, 44])
        #expect(InconsistencyFinder().find(store: store, labels: labels(), base: Classifier(config: Self.config)).isEmpty)
        #expect(InconsistencyFinder().find(store: store, labels: [0: "fraud"], base: Classifier(config: Self.config)).isEmpty)
    }

    /// Over `limit` labels, a seeded sample is cross-fitted: only sampled messages can be reported.
    @Test func reviewLooksAtMostAtLimitLabels() {
        let given = labels(mislabel: [5: "malware", 44: "fraud"])
        let finder = InconsistencyFinder(limit: 40)
        let a = finder.find(store: store, labels: given, base: Classifier(config: Self.config))
        #expect(a == finder.find(store: store, labels: given, base: Classifier(config: Self.config)))
        #expect(Set(a.map(\.messageIndex)).isSubset(of: [5, 44]))
        let sample = finder.reviewed(given)
        #expect(sample.count == 40)
        #expect(sample == sample.sorted())
        #expect(sample == finder.reviewed(given))
        #expect(Set(sample).isSubset(of: Set(given.keys)))
        #expect(InconsistencyFinder().reviewed(given).count == given.count)
    }

    @Test func suggestionsComeFromEachLabelsTopicAndSkipExcluded() throws {
        let model = trained(labels())
        let suggester = LexiconSuggester(perLabel: 4)
        let all = suggester.suggest(model)
        #expect(all.count == 12)
        for s in all {
            let topic = try #require(Self.names.firstIndex(of: s.label))
            for word in s.term.split(separator: " ") {
                #expect(Fixtures.topics[topic].contains(String(word)), "\(s.term) suggested for \(s.label)")
            }
            #expect(s.delta == nil)
        }
        let firstFraud = try #require(all.first { $0.label == "fraud" })
        let filtered = suggester.suggest(model, excluded: [TermLabel(term: firstFraud.term, label: "fraud")],
                                         excludedTerms: [all[5].term])
        #expect(!filtered.contains { $0.term == firstFraud.term && $0.label == "fraud" })
        #expect(!filtered.contains { $0.term == all[5].term })
    }

    /// As in a session: every label is defined up front, the analyst has used two so far;
    /// a label with no example has learned nothing, so nothing is suggested for it.
    @Test func suggestionsOnlyForLabelsWithExamples() {
        var model = Classifier(config: Self.config)
        for l in Self.names + ["benign", "ransomware"] { model.addLabel(l) }
        let used = labels().filter { $0.value != "malware" }
        for (i, l) in used.sorted(by: { $0.key < $1.key }) { model.learn(store.text(i), label: l) }
        let report = InsightReport.compute(InsightInput(store: store, labels: used, classifier: model), parts: .suggestions)
        #expect(Set(report.suggestions.map(\.label)) == ["fraud", "phishing"])
        #expect(LexiconSuggester().suggest(model, labels: ["fraud"]).allSatisfy { $0.label == "fraud" })
    }

    @Test func deltaAgainstPreviousSnapshot() throws {
        let before = trained(labels())
        let snapshot = LexiconSuggester().snapshot(before)
        var after = before
        let old = try #require(snapshot["fraud"]?.first)
        for _ in 0..<5 { after.learn(old.term, label: "fraud") }
        let s = try #require(LexiconSuggester().suggest(after, previous: snapshot).first { $0.term == old.term })
        #expect(s.delta == s.weight - old.weight)
        #expect((s.delta ?? 0) > 0)
    }
}
