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

    /// `multiset(grams of each word) - overlaps == set(character block)`, and the word block is the same.
    @Test(arguments: texts)
    func gramsOfWordsMinusOverlapsAreTheCharacterBlock(text: String) {
        var model = Fixtures.trained()
        _ = model.suppress(term: "update")
        let fv = model.featurize(text)
        let split = model.splitFeatures(text)
        #expect(split.wordSlots == Array(fv.indices[..<fv.wordCount]))
        #expect(split.wordScale == fv.wordScale)
        #expect(split.charScale == fv.charScale)
        #expect(split.charCount == fv.indices.count - fv.wordCount)
        #expect(Set(split.wordKeys).count == split.wordKeys.count)
        var counts: [UInt32: Int] = [:]
        for word in split.wordTexts { for g in model.charGramSlots(ofWord: word) { counts[g, default: 0] += 1 } }
        for g in split.overlaps { counts[g, default: 0] -= 1 }
        let block = fv.indices[fv.wordCount...]
        #expect(counts.filter { $0.value != 0 }.count == block.count)
        for g in block { #expect(counts[g] == 1, "slot \(g)") }
        #expect(!split.wordTexts.contains("update"))
    }

    /// With a memo of word n-grams (shared across messages, as the feature arena keeps one per
    /// chunk) the split is the same, and the memo's slots are each word's own.
    @Test func aMemoOfWordGramsGivesTheSameSplit() {
        var model = Fixtures.trained()
        _ = model.suppress(term: "update")
        let words = WordGrams()
        for text in Self.texts + Self.texts.reversed() {
            let plain = model.splitFeatures(text)
            var memo = model.splitFeatures(text, words: words)
            #expect(memo.wordTexts.isEmpty)
            #expect(memo.wordIDs.count == plain.wordKeys.count)
            for (id, word) in zip(memo.wordIDs, plain.wordTexts) {
                #expect(words.keys[Int(id)] == memo.wordKeys[memo.wordIDs.firstIndex(of: id)!])
                #expect(Array(words.slots[Int(words.starts[Int(id)])..<Int(words.starts[Int(id) + 1])])
                    == model.charGramSlots(ofWord: word))
            }
            memo.wordTexts = plain.wordTexts
            memo.wordIDs = []
            #expect(memo == plain, "\(text)")
        }
        #expect(words.count == Set(words.keys).count)
    }

    @Test func repeatedWordsShareGramsAsOverlaps() {
        let model = Fixtures.trained()
        let split = model.splitFeatures("banana bananas")
        // Every n-gram of <banana (without the closing >) is in both words.
        #expect(split.wordKeys.count == 2)
        #expect(split.overlaps.count >= 6)
        #expect(model.splitFeatures("banana banana").overlaps.isEmpty)
    }

    /// Summing word sums and removing overlaps scores like `predict`.
    @Test(arguments: texts)
    func splitScoringMatchesPredict(text: String) {
        var model = Fixtures.trained()
        _ = model.addLexiconTerm("encrypted", label: "ransomware")
        let split = model.splitFeatures(text)
        var charSum = [SIMD4<Float>](repeating: .zero, count: model.scoreLanes)
        charSum.withUnsafeMutableBufferPointer { out in
            for w in split.wordTexts { model.charGramSlots(ofWord: w).withUnsafeBufferPointer { model.addRows($0, into: out) } }
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
