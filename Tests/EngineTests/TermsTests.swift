@testable import Engine
import Testing

/// The learned lexicon: one-pass top terms equal the plain definition.
@Suite struct TermsTests {
    /// The definition, computed the slow way: every vocabulary term, full sort.
    static func reference(_ c: Classifier, label: String, count: Int) -> [TermWeight] {
        guard let col = c.column(label) else { return [] }
        let others = c.activeColumns.filter { $0 != col }
        var all: [TermWeight] = []
        for (slot, term) in c.vocabulary {
            var mean = 0.0
            for o in others { mean += Double(c.weight(slot, o)) }
            if !others.isEmpty { mean /= Double(others.count) }
            let w = Double(c.weight(slot, col)) - mean
            if w != 0 { all.append(TermWeight(term: term, weight: w)) }
        }
        all.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        return Array(all.prefix(count))
    }

    @Test func topTermsEqualTheFullSortForEveryLabel() {
        let c = Fixtures.trained()
        let all = c.topTermsByLabel(count: 7)
        #expect(Set(all.keys) == Set(c.labels))
        for label in c.labels {
            let expected = Self.reference(c, label: label, count: 7)
            #expect(expected.count == 7)
            #expect(all[label] == expected, "\(label)")
            #expect(c.topTerms(label: label, count: 7) == expected)
        }
        #expect(c.topTermsByLabel(count: 3, labels: ["benign"]).keys.sorted() == ["benign"])
        #expect(c.topTerms(label: "unknown", count: 3).isEmpty)
    }

    @Test func termWeightMatchesTheTopList() throws {
        let c = Fixtures.trained()
        let top = try #require(c.topTerms(label: "ransomware", count: 3).first)
        let w = try #require(c.termWeight(top.term, label: "ransomware"))
        #expect(abs(w - top.weight) < 1e-9)
        #expect(c.termWeight("three word phrase", label: "ransomware") == nil)
        #expect(c.termWeight(top.term, label: "nope") == nil)
    }

    @Test func skeletonSharesNoWeightsAndDetachedCopies() {
        let c = Fixtures.trained()
        let s = c.skeleton()
        #expect(s.labels == c.labels)
        #expect(s.examplesLearned == 0)
        #expect(s.vocabulary.isEmpty)
        #expect(s.table.storage !== c.table.storage)
        let d = c.detached()
        #expect(d.table.storage !== c.table.storage)
        #expect(d.fingerprint == c.fingerprint)
    }
}

/// The allocation-free scoring path gives the same probabilities as `predict`.
@Suite struct BatchScoringTests {
    @Test func probabilitiesFromSlotsMatchPredict() {
        let c = Fixtures.trained()
        var scratch = Classifier.ScoreScratch(for: c)
        for (text, _) in Fixtures.corpus + [("an unseen message about bitcoin", "")] {
            let fv = c.featurize(text)
            let p = c.predict(fv)
            fv.indices.withUnsafeBufferPointer {
                c.probabilities(slots: $0, wordCount: fv.wordCount, wordScale: fv.wordScale, charScale: fv.charScale,
                                scratch: &scratch)
            }
            #expect(scratch.probabilities.count == p.probabilities.count)
            for (a, b) in zip(scratch.probabilities, p.probabilities) { #expect(abs(a - b) < 1e-6) }
        }
    }
}

/// Feature sets never fill up, whatever the shape of the text.
@Suite struct SlotSetTests {
    @Test func longTokensAndDisjointVectorsTerminate() {
        let c = Classifier(config: Fixtures.config)
        let blob = String(repeating: "q", count: 40) + (0..<400).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }.joined()
        let fv = c.featurize(blob)
        #expect(fv.indices.count > 64)
        #expect(Set(fv.indices).count == fv.indices.count)
        let other = c.featurize("entirely different words here about nothing in particular at all")
        #expect(fv.cosine(other) < 0.5)
        #expect(abs(fv.cosine(fv) - 1) < 1e-6)
    }

    @Test func setGrowsPastItsCapacityAndKeepsPositions() {
        var set = SlotSet(capacity: 1)
        for k in 0..<1000 { #expect(set.insert(UInt32(k * 7919)) == (k, true)) }
        for k in 0..<1000 { #expect(set.insert(UInt32(k * 7919)) == (k, false)) }
        #expect(set.contains(7919))
        #expect(!set.contains(3))
    }
}
