import Core

/// A labeled message the model, trained without it, confidently assigns to another label.
public struct ReviewItem: Sendable, Equatable {
    /// Index of the message in the store.
    public var messageIndex: Int
    /// The analyst's label.
    public var givenLabel: String
    /// The label the held-out model prefers.
    public var suggestedLabel: String
    /// The held-out model's probability of `suggestedLabel`.
    public var confidence: Double
    /// The held-out model's reasons, exact token contributions of `suggestedLabel`
    /// over `givenLabel`: the strongest positive ones (towards the suggestion), then
    /// the strongest negative ones (towards the analyst's label).
    public var reasons: [TokenContribution]
    /// The labeled messages most like this one, most similar first: the evidence.
    public var neighbours: [ReviewNeighbour]

    /// Creates an item.
    public init(messageIndex: Int, givenLabel: String, suggestedLabel: String, confidence: Double,
                reasons: [TokenContribution] = [], neighbours: [ReviewNeighbour] = []) {
        self.messageIndex = messageIndex
        self.givenLabel = givenLabel
        self.suggestedLabel = suggestedLabel
        self.confidence = confidence
        self.reasons = reasons
        self.neighbours = neighbours
    }
}

/// A labeled message like a suspect, with its label and the cosine similarity of their words.
public struct ReviewNeighbour: Sendable, Equatable {
    /// Index of the message in the store.
    public var messageIndex: Int
    /// Its label.
    public var label: String
    /// Cosine similarity of the two messages' word unigrams and bigrams, 0…1.
    public var similarity: Double

    /// Creates a neighbour.
    public init(messageIndex: Int, label: String, similarity: Double) {
        self.messageIndex = messageIndex
        self.label = label
        self.similarity = similarity
    }
}
