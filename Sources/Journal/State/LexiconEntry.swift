import Core

/// One lexicon change with its envelope (who, when, which record).
public struct LexiconOpRecord: Sendable, Equatable {
    /// Sequence number of the record.
    public var seq: Int
    /// Analyst who made (or accepted) the change.
    public var actor: String
    /// UTC time (ISO 8601).
    public var time: String
    /// The change (its label follows later renames).
    public var change: LexiconChange

    /// Creates an op record.
    public init(seq: Int, actor: String, time: String, change: LexiconChange) {
        self.seq = seq
        self.actor = actor
        self.time = time
        self.change = change
    }
}

/// A term in the shared lexicon under a label, as it stands after the fold.
public struct LexiconEntry: Sendable, Equatable {
    /// The term.
    public var term: String
    /// The label it belongs to.
    public var label: String
    /// Concept (a named group of terms under the label), if any.
    public var concept: String?
    /// Who proposed the term first.
    public var author: TermAuthor
    /// Times the analyst boosted the term for the label (net of undos).
    public var boosts: Int
    /// Every effective op on this term and label, in order.
    public var history: [LexiconOpRecord]

    /// True when boosted at least once.
    public var boosted: Bool { boosts > 0 }

    /// Creates an entry.
    public init(term: String, label: String, concept: String?, author: TermAuthor, boosts: Int = 0,
                history: [LexiconOpRecord] = []) {
        self.term = term
        self.label = label
        self.concept = concept
        self.author = author
        self.boosts = boosts
        self.history = history
    }
}
