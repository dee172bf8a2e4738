import Core
import Testing
@testable import Engine

@Suite struct ConsolidatorTests {
    var examples: [LabeledExample] { Fixtures.corpus.map { LabeledExample(text: $0.0, label: $0.1) } }

    @Test func consolidationIsAPureFunctionOfLabelsAndSeed() {
        let base = Fixtures.trained(passes: 1)
        let k = Consolidator(epochs: 4, seed: 3)
        let a = k.consolidate(base, examples: examples)
        let b = k.consolidate(Classifier(config: Fixtures.config), examples: examples)
        #expect(a.fingerprint == b.fingerprint)
        #expect(Consolidator(epochs: 4, seed: 4).consolidate(base, examples: examples).fingerprint != a.fingerprint)
        #expect(a.predict("verify your bank password").top == "phishing")
    }

    @Test func decisionDuringConsolidationIsNotLostAndReplayMatches() async {
        let k = Consolidator(epochs: 3, seed: 9)
        var live = Fixtures.trained(passes: 1)
        let snapshot = live
        let upTo = examples
        let job = Task.detached { k.consolidate(snapshot, examples: upTo) }
        // The analyst decides while the job runs.
        let late = LabeledExample(text: "wire transfer fraud request", label: "fraud")
        live.learn(late.text, label: late.label)
        let consolidated = await job.value
        #expect(!consolidated.labels.contains("fraud"))
        let merged = k.merge(consolidated, replaying: [late])
        #expect(merged.labels.contains("fraud"))
        #expect(merged.predict("wire transfer fraud").top == "fraud")
        // Rebuilding from the journal (same labels, same rule) gives the same model.
        let rebuilt = k.merge(k.consolidate(Classifier(config: Fixtures.config), examples: upTo), replaying: [late])
        #expect(rebuilt.fingerprint == merged.fingerprint)
        // The shown prediction comes from the consolidated weights.
        #expect(merged.predict("verify your password") != live.predict("verify your password"))
    }

    @Test func staleCachedFeaturesAreRecomputed() {
        var base = Fixtures.trained(passes: 1)
        let cached = examples.map { LabeledExample(text: $0.text, label: $0.label, features: base.featurize($0.text)) }
        base.suppress(term: "password")
        let k = Consolidator(epochs: 2)
        #expect(k.consolidate(base, examples: cached).fingerprint == k.consolidate(base, examples: examples).fingerprint)
    }

    @Test func fewLabelsGetMorePassesUpToTheCap() {
        let k = Consolidator(epochs: 6, minSteps: 20_000, maxEpochs: 60)
        #expect(k.passes(for: 500) == 40)
        #expect(k.passes(for: 10_920) == 6)
        #expect(k.passes(for: 20) == 60)
        #expect(Consolidator(epochs: 6, minSteps: 0).passes(for: 20) == 6)
        // More passes change the result (the small set is fitted further).
        let base = Classifier(config: Fixtures.config)
        let short = Consolidator(epochs: 2, minSteps: 0).consolidate(base, examples: examples)
        let long = Consolidator(epochs: 2, minSteps: 90).consolidate(base, examples: examples)
        #expect(short.fingerprint != long.fingerprint)
    }

    @Test func classBalancingWeighsRareLabelsUp() {
        let k = Consolidator(classBalance: 1)
        let w = k.classWeights([0, 0, 0, 1])
        #expect(w == [Float(2.0 / 3.0), 2])
        #expect(Consolidator(classBalance: 0).classWeights([0, 0, 0, 1]) == nil)
        // Nine common examples against one rare: balancing raises the rare label's probability.
        var skewed = examples.filter { $0.label != "ransomware" }
        skewed += skewed
        skewed.append(LabeledExample(text: "ransomware encrypted all files pay bitcoin", label: "ransomware"))
        let base = Classifier(config: Fixtures.config)
        let probe = "files encrypted pay now"
        func rare(_ balance: Double) -> Double {
            let m = Consolidator(epochs: 4, classBalance: balance).consolidate(base, examples: skewed)
            let p = m.predict(probe)
            return p.probabilities[p.labels.firstIndex(of: "ransomware")!]
        }
        #expect(rare(1) > rare(0))
        // Still a pure function of the labels: the same call twice is bit-identical.
        #expect(k.consolidate(base, examples: skewed).fingerprint == k.consolidate(base, examples: skewed).fingerprint)
    }
}
