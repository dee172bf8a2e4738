import Core
import Testing
@testable import Engine

@Suite struct FeedbackTests {
    func prob(_ c: Classifier, _ text: String, _ label: String) -> Double {
        let p = c.predict(text)
        return p.labels.firstIndex(of: label).map { p.probabilities[$0] } ?? -1
    }

    @Test func boostRaisesAndUnboostRestores() {
        var c = Fixtures.trained()
        let text = "the quarterly invoice is attached"
        let before = c.predict(text)
        let fp = c.fingerprint
        let ok1 = c.boost(term: "invoice", label: "phishing")
        #expect(ok1)
        #expect(prob(c, text, "phishing") > before.probabilities[0])
        #expect(c.prior(term: "invoice", label: "phishing") == 1)
        let ok2 = c.unboost(term: "invoice", label: "phishing")
        #expect(ok2)
        #expect(c.predict(text) == before)
        #expect(c.fingerprint == fp)
        let ok3 = c.unboost(term: "invoice", label: "phishing")
        #expect(!ok3)
    }

    @Test func lexiconTermStartsWithPriorAndIsRemovable() {
        var c = Fixtures.trained()
        let text = "cobalt strike beacon seen on host"
        let before = prob(c, text, "ransomware")
        let ok4 = c.addLexiconTerm("cobalt strike", label: "ransomware")
        #expect(ok4)
        #expect(c.prior(term: "cobalt strike", label: "ransomware") == 1)
        #expect(prob(c, text, "ransomware") > before)
        // It learns like any feature while it is in the lexicon.
        c.learn(text, label: "ransomware")
        let ok5 = c.removeLexiconTerm("cobalt strike", label: "ransomware")
        #expect(ok5)
        #expect(c.prior(term: "cobalt strike", label: "ransomware") == 0)
        let ok6 = c.addLexiconTerm("one two three", label: "ransomware")
        #expect(!ok6)
    }

    @Test func suppressMasksWordBigramsAndCharGrams() {
        var c = Fixtures.trained()
        let text = "verify this"
        let before = c.predict(text)
        let full = c.featurize(text)
        let ok7 = c.suppress(term: "verify")
        #expect(ok7)
        #expect(c.isSuppressed("VERIFY"))
        let masked = c.featurize(text)
        #expect(masked.generation != full.generation)
        // Only "this" is left: one unigram, no bigram, only its own char n-grams.
        #expect(masked.wordCount == 1)
        let alone = Classifier(config: Fixtures.config).featurize("this")
        #expect(masked.indices == alone.indices)
        #expect(c.predict(text) != before)
        #expect(c.explain(text)?.contributions.first { $0.token == "verify" }?.weight == 0)
        // Learning ignores it too.
        let w = c.fingerprint
        var d = c
        d.learn("verify verify", label: "benign")
        var e = c
        e.learn("", label: "benign")
        #expect(d.fingerprint == e.fingerprint)
        #expect(w != d.fingerprint)
        let ok8 = c.unsuppress(term: "verify")
        #expect(ok8)
        #expect(c.predict(text) == before)
        #expect(c.featurize(text).indices == full.indices)
    }
}
