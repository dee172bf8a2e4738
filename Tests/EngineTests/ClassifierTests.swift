import Core
import Testing
@testable import Engine

@Suite struct ClassifierTests {
    @Test func learnsAndPredicts() throws {
        let c = Fixtures.trained()
        #expect(c.labels == ["phishing", "ransomware", "benign"])
        #expect(c.predict("please verify your password").top == "phishing")
        #expect(c.predict("bitcoin ransom for encrypted files").top == "ransomware")
        let p = c.predict("team lunch on thursday")
        #expect(p.top == "benign")
        #expect(abs(p.probabilities.reduce(0, +) - 1) < 1e-9)
    }

    @Test func sameEventsGiveBitIdenticalWeights() {
        let a = Fixtures.trained(), b = Fixtures.trained()
        #expect(a.fingerprint == b.fingerprint)
        var c = Classifier(config: Fixtures.config)
        for (t, l) in Fixtures.corpus.reversed() { c.learn(t, label: l) }
        #expect(c.fingerprint != a.fingerprint)
    }

    @Test func cachedFeaturesPredictLikeText() {
        let c = Fixtures.trained()
        let text = "verify the bitcoin link"
        #expect(c.predict(c.featurize(text)) == c.predict(text))
        var d = Fixtures.trained(passes: 2), e = d
        for (t, l) in Fixtures.corpus {
            d.learn(d.featurize(t), label: l)
            e.learn(t, label: l)
        }
        #expect(d.predict(text) == e.predict(text))
    }

    @Test func labelAddedMidStream() throws {
        var c = Fixtures.trained(passes: 1)
        #expect(!c.labels.contains("malware"))
        c.learn("trojan dropper installs backdoor", label: "malware")
        c.learn("backdoor trojan beacons out", label: "malware")
        #expect(c.labels == ["phishing", "ransomware", "benign", "malware"])
        let p = c.predict("new trojan backdoor")
        #expect(p.labels.count == 4)
        #expect(p.top == "malware")
        for _ in 0..<2 { for (t, l) in Fixtures.corpus { c.learn(t, label: l) } }
        #expect(c.predict("verify your password").top == "phishing")
    }

    @Test func retireAndRenameLabels() {
        var c = Fixtures.trained()
        c.retireLabel("benign")
        #expect(c.labels == ["phishing", "ransomware"])
        #expect(!c.predict("team lunch on thursday").labels.contains("benign"))
        c.renameLabel(from: "phishing", to: "credential-phishing")
        #expect(c.predict("verify your password").top == "credential-phishing")
        c.addLabel("benign")
        #expect(c.predict("team lunch on thursday").top == "benign")
    }

    @Test func emptyClassifier() {
        let c = Classifier(config: Fixtures.config)
        #expect(c.predict("anything") == .empty)
        #expect(c.explain("anything") == nil)
    }

    @Test func topTermsAreReadable() {
        let c = Fixtures.trained()
        let terms = c.topTerms(label: "ransomware", count: 5).map(\.term)
        #expect(terms.count == 5)
        let ransomWords = Set(Fixtures.corpus.filter { $0.1 == "ransomware" }.flatMap { $0.0.split(separator: " ").map(String.init) })
        for t in terms { #expect(t.split(separator: " ").allSatisfy { ransomWords.contains(String($0)) }, "\(t)") }
    }

    @Test func memoryOfFullSizeModel() {
        var c = Classifier()
        for i in 0..<20 { c.addLabel("label\(i)") }
        #expect(c.memoryBytes < 200 * 1_048_576)
    }
}
