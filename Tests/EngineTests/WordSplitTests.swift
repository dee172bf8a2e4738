import Testing
@testable import Engine

/// A message split by word adds up to exactly its feature vector.
@Suite("Word split")
struct WordSplitTests {
    static let texts = [
        "encrypting encrypted encryption: the encryptor encrypts",
        "aaaa aaaaa aaaaaa banana bananas ananas",
        "Visit hxxp://evil-update[.]com/login now, then evil update again",
        "Продаю исходники стиллера, стиллер недорого",
        "FR€€ M0N€Y 💸 inv€st 100 g€t 1000 in 7 d@ys!! 100% l€git",
        "x",
        "",
    ]

    /// The n-gram slots `words` holds for word `id`.
    static func grams(_ words: WordGrams, _ id: UInt32) -> [UInt32] {
        Array(words.slots[Int(words.starts[Int(id)])..<Int(words.starts[Int(id) + 1])])
    }

    /// `multiset(grams of each word) - overlaps == set(character block)`, and the word block is the same.
    @Test(arguments: texts)
    func gramsOfWordsMinusOverlapsAreTheCharacterBlock(text: String) {
        var model = Fixtures.trained()
        _ = model.suppress(term: "update")
        let fv = model.featurize(text)
        let words = WordGrams()
        let split = model.splitFeatures(text, words: words)
        #expect(split.wordSlots == Array(fv.indices[..<fv.wordCount]))
        #expect(split.wordScale == fv.wordScale)
        #expect(split.charScale == fv.charScale)
        #expect(split.charCount == fv.indices.count - fv.wordCount)
        #expect(Set(split.wordKeys).count == split.wordKeys.count)
        var counts: [UInt32: Int] = [:]
        for id in split.wordIDs { for g in Self.grams(words, id) { counts[g, default: 0] += 1 } }
        for g in split.overlaps { counts[g, default: 0] -= 1 }
        let block = fv.indices[fv.wordCount...]
        #expect(counts.filter { $0.value != 0 }.count == block.count)
        for g in block { #expect(counts[g] == 1, "slot \(g)") }
        #expect(!split.wordKeys.contains(model.featurizer.unigramKey("update")))
    }

    /// One memo shared by many messages gives each the split a fresh memo gives (ids aside),
    /// and holds each word's own n-grams, computed once.
    @Test func aSharedMemoOfWordGramsGivesTheSameSplit() {
        var model = Fixtures.trained()
        _ = model.suppress(term: "update")
        let shared = WordGrams()
        for text in Self.texts + Self.texts.reversed() {
            let fresh = WordGrams()
            let alone = model.splitFeatures(text, words: fresh)
            var memo = model.splitFeatures(text, words: shared)
            #expect(memo.wordIDs.count == alone.wordKeys.count)
            for (a, b) in zip(memo.wordIDs, alone.wordIDs) {
                #expect(shared.keys[Int(a)] == fresh.keys[Int(b)])
                #expect(Self.grams(shared, a) == Self.grams(fresh, b))
            }
            memo.wordIDs = alone.wordIDs
            #expect(memo == alone, "\(text)")
        }
        #expect(shared.count == Set(shared.keys).count)
        let words = WordGrams()
        #expect(model.splitFeatures("Banana", words: words).wordIDs == [0])
        #expect(Self.grams(words, 0) == model.charGramSlots(ofWord: "banana"))
    }

    @Test func repeatedWordsShareGramsAsOverlaps() {
        let model = Fixtures.trained()
        let split = model.splitFeatures("banana bananas", words: WordGrams())
        // Every n-gram of <banana (without the closing >) is in both words.
        #expect(split.wordKeys.count == 2)
        #expect(split.overlaps.count >= 6)
        #expect(model.splitFeatures("banana banana", words: WordGrams()).overlaps.isEmpty)
    }

    /// Summing word sums and removing overlaps scores like `predict`.
    @Test(arguments: texts)
    func splitScoringMatchesPredict(text: String) {
        var model = Fixtures.trained()
        _ = model.addLexiconTerm("encrypted", label: "ransomware")
        let words = WordGrams()
        let split = model.splitFeatures(text, words: words)
        var charSum = [SIMD4<Float>](repeating: .zero, count: model.scoreLanes)
        charSum.withUnsafeMutableBufferPointer { out in
            for id in split.wordIDs { Self.grams(words, id).withUnsafeBufferPointer { model.addRows($0, into: out) } }
            split.overlaps.withUnsafeBufferPointer { model.addRows($0, value: -1, into: out) }
        }
        var scratch = Classifier.ScoreScratch(for: model)
        split.wordSlots.withUnsafeBufferPointer { w in
            charSum.withUnsafeBufferPointer { c in
                model.probabilities(wordSlots: w, wordScale: split.wordScale, charSum: c, charScale: split.charScale,
                                    scratch: &scratch)
            }
        }
        let expected = model.predict(text).probabilities
        #expect(scratch.probabilities.count == expected.count)
        for (a, b) in zip(scratch.probabilities, expected) { #expect(abs(a - b) < 1e-5) }
    }
}
