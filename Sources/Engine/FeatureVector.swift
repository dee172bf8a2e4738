/// The features of one message, compact enough to cache for every queued message.
///
/// `indices` holds the word block (unigrams and bigrams, distinct) followed by
/// the character block (distinct), each in order of first appearance. Features are binary and
/// each block is L2-normalised, so a value is just the block's scale.
/// `generation` records the suppression state it was computed under: when
/// `Classifier.featureGeneration` differs, re-featurize (suppressed terms changed).
public struct FeatureVector: Sendable, Equatable {
    /// Hashed feature slots: word block first, then character block.
    public var indices: [UInt32]
    /// How many of `indices` belong to the word block.
    public var wordCount: Int
    /// Value of each word-block feature (1/sqrt(wordCount)).
    public var wordScale: Float
    /// Value of each character-block feature.
    public var charScale: Float
    /// Suppression generation of the classifier that computed it.
    public var generation: Int

    /// Creates a feature vector.
    public init(indices: [UInt32], wordCount: Int, wordScale: Float, charScale: Float, generation: Int) {
        self.indices = indices
        self.wordCount = wordCount
        self.wordScale = wordScale
        self.charScale = charScale
        self.generation = generation
    }

    /// An empty vector (no tokens).
    public static let empty = FeatureVector(indices: [], wordCount: 0, wordScale: 0, charScale: 0, generation: 0)

    /// Approximate bytes held (for memory reports).
    public var byteCount: Int { indices.count * 4 + 32 }

    /// Value of the feature at position `k` of `indices`.
    @inline(__always)
    public func value(at k: Int) -> Float { k < wordCount ? wordScale : charScale }

    /// Cosine similarity with another vector (both are unit-norm per block).
    public func cosine(_ other: FeatureVector) -> Double {
        let a = blockDot(self, 0, wordCount, other, 0, other.wordCount) * Double(wordScale * other.wordScale)
            + blockDot(self, wordCount, indices.count, other, other.wordCount, other.indices.count)
            * Double(charScale * other.charScale)
        let na = (wordCount > 0 ? 1.0 : 0) + (indices.count > wordCount ? 1.0 : 0)
        let nb = (other.wordCount > 0 ? 1.0 : 0) + (other.indices.count > other.wordCount ? 1.0 : 0)
        guard na > 0, nb > 0 else { return 0 }
        return a / (na * nb).squareRoot()
    }

    /// Number of common indices of two ranges (each free of duplicates).
    private func blockDot(_ x: FeatureVector, _ xs: Int, _ xe: Int, _ y: FeatureVector, _ ys: Int, _ ye: Int) -> Double {
        guard xs < xe, ys < ye else { return 0 }
        var set = SlotSet(capacity: xe - xs)
        for i in xs..<xe { _ = set.insert(x.indices[i]) }
        var n = 0
        // Look-ups only: inserting the other side's slots could fill the table (it is sized for one side).
        for j in ys..<ye where set.contains(y.indices[j]) { n += 1 }
        return Double(n)
    }
}
