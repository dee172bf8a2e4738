import Core
import Testing
@testable import Insight

@Suite struct TermIndexTests {
    @Test func countsDocumentFrequencyAndNormalises() throws {
        let idx = TermIndex(store: Fixtures.store(["a b b c", "a c", "a d"]), tokenize: Fixtures.words)
        #expect(idx.count == 3)
        #expect(idx.termCount == 4)
        let a = try #require(idx.id(of: "a")), b = try #require(idx.id(of: "b"))
        #expect(idx.documentFrequency[Int(a)] == 3)
        #expect(idx.documentFrequency[Int(b)] == 1)
        // b and d occur once: not features; a, c are.
        #expect(idx.featureCount == 2)
        let v = idx.vector(0)
        #expect(abs(v.norm - 1) < 1e-6)
        #expect(!v.indices.contains(b))
        #expect(idx.termIDs(of: 0).count == 3)
        #expect(idx.vector(2).count == 1)
    }

    @Test func maxFeaturesKeepsTheMostFrequent() {
        let texts = ["x y z", "x y z", "x y", "x"]
        let idx = TermIndex(store: Fixtures.store(texts), options: VectorizerOptions(maxFeatures: 2), tokenize: Fixtures.words)
        #expect(Set(idx.featureTerms.map { idx.terms[Int($0)] }) == ["x", "y"])
    }

    @Test("markup tag names are not terms; the words between tags are")
    func engineTermsSkipMarkupTags() {
        let terms = TermIndex.engineTerms("SombRAT can execute <code>getinfo</code> and <br/> code review")
        #expect(terms.contains("getinfo") && terms.contains("sombrat"))
        #expect(terms.filter { $0 == "code" }.count == 1, "only the word outside a tag: \(terms)")
        #expect(!terms.contains("br"))
        #expect(TermIndex.engineTerms("a < b and code > c").contains("code"), "a word between comparison signs is not a tag")
    }

    @Test func engineTermsDropStopWordsAndNumbers() {
        let terms = TermIndex.engineTerms("The loader beacons to evil[.]com 443 times")
        #expect(terms.contains("loader"))
        #expect(terms.contains("evil.com"))
        #expect(!terms.contains("the"))
        #expect(!terms.contains("443"))
    }

    @Test func sparseDot() {
        let a = SparseVector(indices: [1, 3, 5], values: [1, 2, 3])
        let b = SparseVector(indices: [0, 3, 5, 9], values: [4, 1, 1, 1])
        #expect(a.dot(b) == 5)
    }
}
