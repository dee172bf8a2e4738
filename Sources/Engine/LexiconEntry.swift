/// What the shared lexicon and the analyst's boosts say about one term.
struct LexiconEntry: Sendable, Equatable {
    /// The term as given (first spelling wins).
    var term: String
    /// Label columns the term belongs to in the lexicon.
    var members: [Int] = []
    /// Boost count per label column (a boost adds one, an unboost removes one).
    var boosts: [Int: Int] = [:]
    /// Fixed prior per label column, sorted by column: lexicon membership + boosts.
    var priors: [(column: Int, value: Float)] = []

    /// True when the entry no longer says anything.
    var isEmpty: Bool { members.isEmpty && boosts.values.allSatisfy { $0 == 0 } }

    /// Recomputes `priors` from membership and boosts.
    mutating func refresh(lexiconPrior: Double, boostStep: Double) {
        var byColumn: [Int: Double] = [:]
        for m in members { byColumn[m, default: 0] += lexiconPrior }
        for (c, n) in boosts where n != 0 { byColumn[c, default: 0] += Double(n) * boostStep }
        priors = byColumn.keys.sorted().compactMap { c in
            guard let v = byColumn[c], v != 0 else { return nil }
            return (c, Float(v))
        }
    }

    static func == (a: LexiconEntry, b: LexiconEntry) -> Bool {
        a.term == b.term && a.members == b.members && a.boosts == b.boosts
    }
}
