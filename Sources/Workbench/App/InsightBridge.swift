import Core
import Engine
import Insight

/// Turns the Insight module's findings into the summary the views show.
public enum InsightBridge {
    /// Most messages insight looks at (every labeled one, then an even spread; see `InsightSample`).
    static let sampleLimit = 200_000

    /// Computes clusters, anomalies, emerging terms, suggestions and review for a session snapshot.
    @Sendable public static func compute(_ r: InsightRequest) -> InsightSummary {
        let previous = r.previousTerms.mapValues { terms in
            terms.map { TermWeight(term: $0.key, weight: $0.value) }.sorted { $0.weight > $1.weight }
        }
        let excluded = Set(r.lexicon.compactMap { entry -> TermLabel? in
            let parts = entry.split(separator: "|", maxSplits: 1).map(String.init)
            return parts.count == 2 ? TermLabel(term: parts[1], label: parts[0]) : nil
        })
        let trained = r.trained || r.model.examplesLearned > 0
        let sample = InsightSample(r.store, keep: Set(r.labeled.keys), limit: sampleLimit)
        let labeled = sample.local(r.labeled)
        let confidences = r.confidences.map { c in sample.isWhole ? c : sample.indices.map { c[$0] } }
        var input = InsightInput(store: sample.store, labels: labeled, classifier: trained ? r.model : nil,
                                 confidences: confidences, previousTopTerms: previous, excludedSuggestions: excluded,
                                 excludedTerms: r.suppressed, topTerms: r.topTerms)
        input.checkpoint = r.checkpoint
        let parts: InsightParts = trained && labeled.count >= 4 ? .all : InsightParts.all.subtracting([.suggestions, .review])
        let report = InsightReport.compute(input, parts: parts)
        var out = InsightSummary()
        out.atDecisions = r.decisions
        out.clusters = report.clustering.clusters.map { c in
            InsightSummary.ClusterInfo(id: c.id, size: c.size, topTerms: c.topTerms.map(\.term), labelMix: c.labelMix,
                                       unlabeledShare: c.unlabeledShare, meanConfidence: c.meanConfidence,
                                       members: (c.representatives + c.members.filter { !c.representatives.contains($0) })
                                           .map(sample.global),
                                       boundary: c.boundary.map(sample.global))
        }
        out.anomalies = report.anomalies.map { .init(index: sample.global($0.messageIndex), score: $0.score, reason: $0.reason) }
        out.emerging = report.emergingTerms.filter { !LexiconSuggester.isFunctionTerm($0.term) }.map { .init(term: $0.term, score: $0.score, messages: $0.messageIndices.map(sample.global)) }
        // Offer terms an analyst would keep: at least one word that is not a stop word, not a bare number.
        out.suggestions = report.suggestions.filter { sug in
            let words = sug.term.split(separator: " ").map(String.init)
            return words.contains { $0.count > 2 && !StopWords.english.contains($0) && !$0.allSatisfy(\.isNumber) }
        }.map { .init(term: $0.term, label: $0.label, weight: $0.weight, delta: $0.delta ?? 0, support: $0.support) }
        out.review = report.review.map {
            .init(index: sample.global($0.messageIndex), given: $0.givenLabel, suggested: $0.suggestedLabel, confidence: $0.confidence,
                  reasons: $0.reasons,
                  neighbours: $0.neighbours.map { .init(messageIndex: sample.global($0.messageIndex), label: $0.label, similarity: $0.similarity) })
        }
        return out
    }
}
