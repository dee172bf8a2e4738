/// Copies of a classifier with its learned state cleared.
extension Classifier {
    /// The same labels, lexicon, suppressions and vocabulary, with all weights and AdaGrad state at zero.
    func withZeroWeights() -> Classifier {
        var m = self
        m.table = SlotBuffer(count: table.count)
        m.bias = [Float](repeating: 0, count: bias.count)
        m.biasAccum = [Float](repeating: 0, count: biasAccum.count)
        m.examplesLearned = 0
        return m
    }
}
