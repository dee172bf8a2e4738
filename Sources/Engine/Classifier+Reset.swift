/// Copies of a classifier with its learned state cleared, or with buffers of its own.
extension Classifier {
    /// The same labels, lexicon, suppressions and vocabulary, with all weights and AdaGrad state at zero.
    func withZeroWeights() -> Classifier {
        var m = self
        m.table = SlotBuffer(count: table.count)
        m.tableWritten = false
        m.bias = [Float](repeating: 0, count: bias.count)
        m.biasAccum = [Float](repeating: 0, count: biasAccum.count)
        m.examplesLearned = 0
        return m
    }

    /// What a background consolidation needs of this model: labels, lexicon,
    /// suppressions and config, with zero weights and no readable vocabulary.
    ///
    /// It shares no growing buffer with `self`, so the live model's next update
    /// copies nothing (a fresh weight table is mapped lazily, at no cost until written).
    public func skeleton() -> Classifier {
        var m = withZeroWeights()
        m.vocabulary = Vocabulary(slotCount: slotCount)
        return m
    }

    /// A copy that owns its weight table (the copy is made now, by the caller's thread,
    /// instead of by whichever holder writes first).
    public func detached() -> Classifier {
        var m = self
        m.table.makeUnique()
        return m
    }

    /// Takes the readable vocabulary (for `topTerms`) of another model of the same
    /// features, e.g. the live model's when a consolidated one replaces it.
    public mutating func adoptVocabulary(of other: Classifier) {
        vocabulary = other.vocabulary
    }
}
