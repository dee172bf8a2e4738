import Core
import Journal

/// One row of the Lexicon view: a term in the shared lexicon, a suppressed term, or a machine suggestion.
struct LexiconRow: Equatable {
    var label: String?
    var term: String
    var author: String
    var weight: Double?
    var isSuggestion: Bool
    var suppressed: Bool
    var boosted: Bool
    /// For a suggestion: the labeled messages of its label that hold the term.
    var support: Int? = nil
}

/// Builds the rows of the Lexicon view from the journal's lexicon and the machine's suggestions.
enum LexiconRows {
    static func rows(_ s: AppState) -> [LexiconRow] {
        var out: [LexiconRow] = []
        for e in s.journal.lexicon.sorted(by: { ($0.label, $0.term) < ($1.label, $1.term) }) {
            let w = s.model.termWeight(e.term, label: e.label)
            out.append(LexiconRow(label: e.label, term: e.term, author: e.author == .machine ? "machine (accepted)" : "analyst",
                                  weight: w, isSuggestion: false, suppressed: false, boosted: e.boosts > 0))
        }
        for t in s.journal.suppressedTerms.sorted() {
            out.append(LexiconRow(label: nil, term: t, author: "analyst", weight: nil, isSuggestion: false, suppressed: true, boosted: false))
        }
        let present = Set(out.map { "\($0.label ?? "")|\($0.term)" })
        let rejected = Set(s.journal.rejectedSuggestions.map { "\($0.label ?? "")|\($0.term)" })
        for g in s.insight?.suggestions ?? [] {
            let key = "\(g.label)|\(g.term)"
            guard !present.contains(key), !rejected.contains(key), !s.journal.suppressedTerms.contains(g.term) else { continue }
            out.append(LexiconRow(label: g.label, term: g.term, author: "machine suggests", weight: g.weight,
                                  isSuggestion: true, suppressed: false, boosted: false, support: g.support))
        }
        return out
    }
}
