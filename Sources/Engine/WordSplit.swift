/// The features of one message split by word, for scoring very many messages
/// that share their words.
///
/// A message's character block is the union of the character n-grams of its
/// distinct words. Summed word by word, a slot that two words share would count
/// twice, so `overlaps` lists each such slot once per extra count: the block's
/// weight sum is `Σ words' gram sums − Σ overlaps`, the same sum as over
/// `FeatureVector`'s character block, in another order. Words are identified by
/// their id in a `WordGrams` memo, which holds each word's n-gram slots once, so a
/// caller can compute each distinct word's gram sum once for a whole corpus.
public struct WordSplit: Sendable, Equatable {
    /// The word block (unigrams and bigrams, distinct), as in `FeatureVector`.
    public var wordSlots: [UInt32]
    /// Keys of the distinct words that carry character n-grams, in order of first appearance.
    public var wordKeys: [UInt64]
    /// Ids of `wordKeys` in the `WordGrams` the split was made with.
    public var wordIDs: [UInt32]
    /// Character slots that more than one of the words carry, once per extra word.
    public var overlaps: [UInt32]
    /// Number of distinct slots in the character block (its size).
    public var charCount: Int
    /// Value of each word-block feature.
    public var wordScale: Float
    /// Value of each character-block feature.
    public var charScale: Float

    /// Creates a split.
    public init(wordSlots: [UInt32], wordKeys: [UInt64], wordIDs: [UInt32], overlaps: [UInt32], charCount: Int,
                wordScale: Float, charScale: Float) {
        self.wordSlots = wordSlots
        self.wordKeys = wordKeys
        self.wordIDs = wordIDs
        self.overlaps = overlaps
        self.charCount = charCount
        self.wordScale = wordScale
        self.charScale = charScale
    }
}

extension Classifier {
    /// The features of `text` split by word (under the current suppressions), each word's
    /// n-grams taken from (and, for a new word, added to) `words` instead of hashed again;
    /// `charCount` and the scales are those of `featurize(text)`.
    public func splitFeatures(_ text: String, words: WordGrams) -> WordSplit {
        let tokens = Tokenizer.tokenize(text)
        var w: [UInt32] = []
        w.reserveCapacity(2 * tokens.count)
        var ws = SlotSet(capacity: 2 * tokens.count), cs = SlotSet(capacity: 16 * tokens.count)
        let (keys, live) = featurizer.scanWordBlock(tokens, suppressed: suppressed) { s, _ in
            if ws.insert(s).inserted { w.append(s) }
        }
        var wordKeys: [UInt64] = [], ids: [UInt32] = [], overlaps: [UInt32] = []
        featurizer.forEachCharWord(tokens, keys: keys, live: live) { t, key in
            let id = words.id(key, text: tokens[Int(t)].text, model: self)
            wordKeys.append(key)
            ids.append(id)
            // A word's slots are distinct: one that is already there came from an earlier word.
            let wordStart = cs.count
            let range = Int(words.starts[Int(id)])..<Int(words.starts[Int(id) + 1])
            words.slots.withUnsafeBufferPointer { slots in
                for k in range {
                    let s = slots[k]
                    let (position, inserted) = cs.insert(s)
                    if !inserted, position < wordStart { overlaps.append(s) }
                }
            }
        }
        return WordSplit(wordSlots: w, wordKeys: wordKeys, wordIDs: ids, overlaps: overlaps, charCount: cs.count,
                         wordScale: w.isEmpty ? 0 : 1 / Float(w.count).squareRoot(),
                         charScale: cs.count == 0 ? 0 : 1 / Float(cs.count).squareRoot())
    }

    /// The distinct character n-gram slots of one word, in order of first appearance.
    public func charGramSlots(ofWord word: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(3 * word.utf8.count + 6)
        var set = SlotSet(capacity: 3 * word.utf8.count + 6)
        featurizer.forEachCharGram(word) { g in
            if set.insert(g).inserted { out.append(g) }
        }
        return out
    }

    /// Number of SIMD vectors per row of scores (`SIMD4<Float>` each): the size of
    /// one entry of a caller's gram-sum table.
    public var scoreLanes: Int { max(lanes, 1) }

    /// Adds `value` times the weights of `slots` to `out` (`scoreLanes` vectors).
    @inline(__always)
    public func addRows(_ slots: UnsafeBufferPointer<UInt32>, value: Float = 1,
                        into out: UnsafeMutableBufferPointer<SIMD4<Float>>) {
        guard lanes > 0 else { return }
        table.withUnsafeBufferPointer { w in
            DotKernel.accumulate(into: out, rows: w, rowStride: lanes, count: slots.count,
                                 id: { slots[$0] }, value: { _ in value })
        }
    }

    /// Fills `scratch.probabilities` for a message given its word block and the
    /// weight sum of its character block (`charSum`, `scoreLanes` vectors): the
    /// numbers of `predict(FeatureVector)` up to the order of float additions.
    public func probabilities(wordSlots: UnsafeBufferPointer<UInt32>, wordScale: Float,
                              charSum: UnsafeBufferPointer<SIMD4<Float>>, charScale: Float,
                              scratch: inout ScoreScratch) {
        guard prepare(&scratch) else { return }
        scratch.scores.withUnsafeMutableBufferPointer { o in
            scores(into: o, slots: wordSlots, wordCount: wordSlots.count, wordScale: wordScale, charScale: 0)
            let v = SIMD4<Float>(repeating: charScale)
            for j in 0..<min(o.count, charSum.count) { o[j] += v * charSum[j] }
        }
        normalize(&scratch)
    }
}
