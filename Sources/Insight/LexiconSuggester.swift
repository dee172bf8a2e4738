import Engine

/// A term and the label it would join in the shared lexicon.
public struct TermLabel: Sendable, Hashable {
    /// The normalized term.
    public var term: String
    /// The label.
    public var label: String

    /// Creates a pair.
    public init(term: String, label: String) {
        self.term = term
        self.label = label
    }
}

/// A term the model relies on for a label, offered to the analyst for the shared lexicon.
public struct Suggestion: Sendable, Equatable {
    /// The normalized term.
    public var term: String
    /// The label it supports.
    public var label: String
    /// Its weight for the label now (label weight minus the mean of the other labels).
    public var weight: Double
    /// Change since the previous snapshot; nil when the term was not among that label's top terms then.
    public var delta: Double?
    /// Labeled messages of the label that contain the term; nil when not counted.
    public var support: Int?
}

/// Turns the model's top terms per label into lexicon suggestions.
///
/// For each label, the `candidates` strongest terms of `Classifier.topTerms`
/// are taken; terms already in the lexicon for that label, rejected for it,
/// suppressed, or below `minWeight` are dropped, and so are function words
/// (`StopWords`: a stop word alone, or a pair that starts or ends with one, such
/// as "has used" or "to gather"). Given the terms' support (`TermSupport`), a
/// term found in fewer than `minSupport` of the label's messages is dropped (one
/// message is an anecdote, not a concept), and so is a pair whose word is also
/// suggested with the same support (they came from the same messages; the word
/// stays). The first `perLabel` remain. Labels come in the classifier's order,
/// terms by weight.
public struct LexiconSuggester: Sendable {
    /// Suggestions kept per label.
    public var perLabel: Int
    /// Top terms read per label before filtering.
    public var candidates: Int
    /// Smallest weight worth suggesting.
    public var minWeight: Double
    /// Fewest labeled messages of the label that must contain a term (when support is given).
    public var minSupport: Int

    /// Creates a suggester.
    public init(perLabel: Int = 5, candidates: Int = 60, minWeight: Double = 0.05, minSupport: Int = 2) {
        self.perLabel = perLabel
        self.candidates = candidates
        self.minWeight = minWeight
        self.minSupport = minSupport
    }

    /// Prepositions and the like that `StopWords` keeps (clusters are tuned on it) but a
    /// lexicon term should not start or end with.
    static let edgeWords: Set<String> = ["during", "onto", "upon", "within", "without", "against", "among", "each", "both",
                                         "every", "either", "neither", "whether", "another"]

    /// Whether `term` has a function word at an edge ("the", "has used", "gather the").
    public static func isFunctionTerm(_ term: String) -> Bool {
        let words = term.split(separator: " ").map(String.init)
        guard let first = words.first, let last = words.last else { return true }
        func function(_ w: String) -> Bool { StopWords.english.contains(w) || edgeWords.contains(w) }
        return function(first) || function(last)
    }

    /// The top terms of every label, to pass back as `previous` at the next cycle.
    public func snapshot(_ classifier: Classifier) -> [String: [TermWeight]] {
        classifier.topTermsByLabel(count: candidates)
    }

    /// Suggestions for every label of `classifier` (or only those in `labels`).
    ///
    /// - Parameters:
    ///   - previous: top terms per label at the last cycle (from ``snapshot(_:)``), for `delta`.
    ///   - excluded: pairs already in the lexicon or rejected by the analyst.
    ///   - excludedTerms: terms never to suggest (e.g. suppressed ones).
    ///   - labels: labels to suggest for, e.g. those with a labeled example (a label nobody
    ///     used has learned nothing: its "top terms" only mirror the other labels); nil: all.
    public func suggest(_ classifier: Classifier, previous: [String: [TermWeight]] = [:],
                        excluded: Set<TermLabel> = [], excludedTerms: Set<String> = [],
                        labels: Set<String>? = nil) -> [Suggestion] {
        suggest(top: classifier.topTermsByLabel(count: candidates, labels: labels), order: classifier.labels,
                previous: previous, excluded: excluded, excludedTerms: excludedTerms, labels: labels)
    }

    /// Suggestions from top terms already read off a model (`Classifier.topTermsByLabel(count: candidates)`),
    /// labels taken in `order`.
    public func suggest(top: [String: [TermWeight]], order: [String], previous: [String: [TermWeight]] = [:],
                        excluded: Set<TermLabel> = [], excludedTerms: Set<String> = [],
                        labels: Set<String>? = nil, support: [TermLabel: Int]? = nil) -> [Suggestion] {
        var out: [Suggestion] = []
        for label in order where labels?.contains(label) ?? true {
            var old: [String: Double] = [:]
            for tw in previous[label] ?? [] { old[tw.term] = tw.weight }
            func count(_ term: String) -> Int? { support.map { $0[TermLabel(term: term, label: label)] ?? 0 } }
            let eligible = (top[label] ?? []).prefix(candidates).filter { tw in
                tw.weight >= minWeight && !excludedTerms.contains(tw.term) && !Self.isFunctionTerm(tw.term)
                    && !excluded.contains(TermLabel(term: tw.term, label: label)) && (count(tw.term) ?? minSupport) >= minSupport
            }
            let words = Set(eligible.map(\.term).filter { !$0.contains(" ") })
            var kept = 0
            for tw in eligible where kept < perLabel {
                let n = count(tw.term)
                // A pair seen exactly where one of its words is seen adds nothing to that word.
                if let n, tw.term.contains(" "),
                   tw.term.split(separator: " ").contains(where: { words.contains(String($0)) && count(String($0)) == n }) { continue }
                out.append(Suggestion(term: tw.term, label: label, weight: tw.weight,
                                      delta: old[tw.term].map { tw.weight - $0 }, support: n))
                kept += 1
            }
        }
        return out
    }
}
