import Core
import Engine
import Testing
@testable import Insight

/// Lexicon suggestions are concepts, not anecdotes: no function words at an edge,
/// at least two of the label's messages, no pair that only repeats its word.
@Suite struct SuggestionEvidenceTests {
    static func top(_ terms: [(String, Double)]) -> [String: [TermWeight]] {
        ["credential-access": terms.map { TermWeight(term: $0.0, weight: $0.1) }]
    }

    @Test func functionWordsAtAnEdgeAreNotTerms() {
        for t in ["has used", "gather the", "to gather", "the", "during", "a powershell", "capable of"] {
            #expect(LexiconSuggester.isFunctionTerm(t), "\(t)")
        }
        for t in ["credential dumping", "mimikatz", "lsass memory", "dump of lsass"] {
            #expect(!LexiconSuggester.isFunctionTerm(t), "\(t)")
        }
    }

    @Test func supportBelowTheMinimumAndRedundantPairsAreDropped() {
        let top = Self.top([("credential", 0.9), ("credential dumping", 0.85), ("mimikatz", 0.8), ("lsass", 0.7),
                            ("lsass memory", 0.6), ("has used", 0.95)])
        let support: [TermLabel: Int] = [
            TermLabel(term: "credential", label: "credential-access"): 4,
            TermLabel(term: "credential dumping", label: "credential-access"): 4,  // same messages as "credential"
            TermLabel(term: "mimikatz", label: "credential-access"): 1,            // one message: an anecdote
            TermLabel(term: "lsass", label: "credential-access"): 6,
            TermLabel(term: "lsass memory", label: "credential-access"): 3,        // a narrower concept: kept
            TermLabel(term: "has used", label: "credential-access"): 9,
        ]
        let out = LexiconSuggester().suggest(top: top, order: ["credential-access"], support: support)
        #expect(out.map(\.term) == ["credential", "lsass", "lsass memory"])
        #expect(out.map(\.support) == [4, 6, 3])
        // Without counts only the function-word rule applies.
        let uncounted = LexiconSuggester().suggest(top: top, order: ["credential-access"])
        #expect(uncounted.map(\.term) == ["credential", "credential dumping", "mimikatz", "lsass", "lsass memory"])
        #expect(uncounted.allSatisfy { $0.support == nil })
    }

    @Test func supportCountsMessagesPerLabelForWordsAndPairs() {
        var store = MessageStore()
        let texts = ["Mimikatz dumped LSASS memory", "They dumped lsass memory again", "lsass was read", "Payroll mail about lsass memory"]
        for (k, t) in texts.enumerated() { store.append(Message(id: "m\(k)", text: t)) }
        let labels = [0: "credential-access", 1: "credential-access", 2: "credential-access", 3: "phishing"]
        let n = TermSupport.count(["lsass", "lsass memory", "mimikatz", "absent"], store: store, labels: labels)
        #expect(n[TermLabel(term: "lsass", label: "credential-access")] == 3)
        #expect(n[TermLabel(term: "lsass memory", label: "credential-access")] == 2)
        #expect(n[TermLabel(term: "lsass memory", label: "phishing")] == 1)
        #expect(n[TermLabel(term: "mimikatz", label: "credential-access")] == 1)
        #expect(n[TermLabel(term: "absent", label: "credential-access")] == nil)
        // A sample of every k-th labeled message when there are more than `limit`.
        let sampled = TermSupport.count(["lsass"], store: store, labels: labels, limit: 2)
        #expect(sampled.values.reduce(0, +) == 2)
    }
}
