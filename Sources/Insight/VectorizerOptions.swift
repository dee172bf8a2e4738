/// Settings of the TF-IDF vectorizer behind ``TermIndex``.
///
/// Every term is counted (document frequency, rare terms, emerging terms), but
/// only *features* get a weight in the vectors used for clustering: terms seen
/// in at least `minDocumentFrequency` messages and in at most
/// `maxDocumentShare` of them, capped at the `maxFeatures` most frequent.
public struct VectorizerOptions: Sendable, Equatable {
    /// Fewest messages a term must occur in to be a feature (singletons link nothing).
    public var minDocumentFrequency: Int
    /// Largest share of messages a feature may occur in (drops stop words); ignored below 50 messages.
    public var maxDocumentShare: Double
    /// Most features kept (the most frequent ones).
    public var maxFeatures: Int

    /// Creates options; the defaults suit short threat-intel messages.
    public init(minDocumentFrequency: Int = 2, maxDocumentShare: Double = 0.5, maxFeatures: Int = 100_000) {
        self.minDocumentFrequency = minDocumentFrequency
        self.maxDocumentShare = maxDocumentShare
        self.maxFeatures = maxFeatures
    }
}
