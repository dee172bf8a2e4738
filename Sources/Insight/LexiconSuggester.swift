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
}

/// Turns the model's top terms per label into lexicon suggestions.
///
/// For each label, the `candidates` strongest terms of `Classifier.topTerms`
/// are taken; terms already in the lexicon for that label, rejected for it,
/// suppressed, or below `minWeight` are dropped; the first `perLabel` remain.
/// Labels come in the classifier's order, terms by weight.
public struct LexiconSuggester: Sendable {
    /// Suggestions kept per label.
    public var perLabel: Int
    /// Top terms read per label before filtering.
    public var candidates: Int
    /// Smallest weight worth suggesting.
    public var minWeight: Double

    /// Creates a suggester.
    public init(perLabel: Int = 5, candidates: Int = 60, minWeight: Double = 0.05) {
        self.perLabel = perLabel
        self.candidates = candidates
        self.minWeight = minWeight
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
                        labels: Set<String>? = nil) -> [Suggestion] {
        var out: [Suggestion] = []
        for label in order where labels?.contains(label) ?? true {
            var old: [String: Double] = [:]
            for tw in previous[label] ?? [] { old[tw.term] = tw.weight }
            var kept = 0
            for tw in (top[label] ?? []).prefix(candidates) where kept < perLabel {
                guard tw.weight >= minWeight, !excludedTerms.contains(tw.term),
                      !excluded.contains(TermLabel(term: tw.term, label: label)) else { continue }
                out.append(Suggestion(term: tw.term, label: label, weight: tw.weight,
                                      delta: old[tw.term].map { tw.weight - $0 }))
                kept += 1
            }
        }
        return out
    }
}
