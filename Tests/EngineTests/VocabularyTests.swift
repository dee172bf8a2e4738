import Testing
@testable import Engine

@Suite struct VocabularyTests {
    @Test func keepsTheFirstSpellingAndKnowsItsSlots() {
        var v = Vocabulary(slotCount: 1 << 10)
        #expect(!v.contains(5) && v.isEmpty)
        v.insert(5) { "first" }
        v.insert(5) { "second" }
        v.insert(1023) { "last" }
        #expect(v[5] == "first" && v[1023] == "last" && v.count == 2)
        #expect(v.contains(5) && v.contains(1023) && !v.contains(6))
        #expect(Set(v.slots) == [5, 1023])
    }

    @Test func learningRemembersUnigramsAndBigrams() {
        let c = Fixtures.trained(passes: 1)
        let words = Set(Fixtures.corpus.flatMap { $0.0.split(separator: " ").map(String.init) })
        let terms = Set(c.vocabulary.map(\.value))
        #expect(words.isSubset(of: terms))
        #expect(terms.contains("verify your"))
        for (slot, _) in c.vocabulary { #expect(c.vocabulary.contains(slot)) }
    }
}
