/// A readable term and how strongly the model ties it to a label.
public struct TermWeight: Sendable, Equatable {
    /// The term (a word or a two-word phrase, as the tokenizer normalizes it).
    public var term: String
    /// Its weight for the label minus its mean weight for the other labels.
    public var weight: Double

    /// Creates a term weight.
    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }
}
