/// Settings of the engine: feature space, learning rate, seed.
///
/// Two classifiers with equal configs fed the same events hold bit-identical weights.
public struct EngineConfig: Sendable, Equatable, Codable {
    /// Number of hashed feature slots is `2^hashBits` (default 20).
    public var hashBits: Int
    /// Whether character n-grams of each distinct word are features (obfuscated spellings).
    public var charNGrams: Bool
    /// Shortest character n-gram (bytes of `<word>`).
    public var charNGramMin: Int
    /// Longest character n-gram.
    public var charNGramMax: Int
    /// Whether word bigrams are features.
    public var bigrams: Bool
    /// AdaGrad base learning rate.
    public var learningRate: Double
    /// Seed of the feature hashes and of every shuffle (consolidation, random queue order).
    public var seed: UInt64
    /// Weight a lexicon term starts with for its label.
    public var lexiconPrior: Double
    /// Weight added for a label by each `boost`.
    public var boostStep: Double
    /// Most readable terms remembered for `topTerms`.
    public var vocabularyLimit: Int

    /// Creates a config; the defaults are the ones measured in `docs/engine.md`.
    public init(hashBits: Int = 20, charNGrams: Bool = true, charNGramMin: Int = 3, charNGramMax: Int = 5,
                bigrams: Bool = true, learningRate: Double = 0.5, seed: UInt64 = 0x5EED_D1AD,
                lexiconPrior: Double = 1.0, boostStep: Double = 1.0, vocabularyLimit: Int = 200_000) {
        self.hashBits = min(max(hashBits, 8), 26)
        self.charNGrams = charNGrams
        self.charNGramMin = max(1, charNGramMin)
        self.charNGramMax = max(max(1, charNGramMin), charNGramMax)
        self.bigrams = bigrams
        self.learningRate = learningRate
        self.seed = seed
        self.lexiconPrior = lexiconPrior
        self.boostStep = boostStep
        self.vocabularyLimit = vocabularyLimit
    }
}
