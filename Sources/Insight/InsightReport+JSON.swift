import Core
import Foundation

extension InsightReport {
    /// The report as one JSON object (keys sorted), messages named by id.
    ///
    /// Keys: `messages`, `terms`, `features`, `k`, `clusters` (`id`, `size`,
    /// `top_terms`, `label_mix`, `unlabeled_share`, `mean_confidence`,
    /// `cohesion`, `representatives`, `boundary`), `anomalies` (`id`, `score`,
    /// `reason`, `similarity`, `rare_terms`), `emerging_terms` (`term`, `score`,
    /// `log_ratio`, `recent_count`, `baseline_count`, `message_ids`), `suggestions` (`term`,
    /// `label`, `weight`, `delta`, `support`) and `review` (`id`, `given_label`, `reasons`, `neighbours`,
    /// `suggested_label`, `confidence`).
    public func jsonData(store: MessageStore, pretty: Bool = false) throws(InsightError) -> Data {
        do {
            return try Self.encoder(pretty: pretty).encode(InsightDocument(self, store: store))
        } catch {
            throw .encodingFailed(reason: "\(error)")
        }
    }

    /// Only the clusters as one JSON object: `messages`, `terms`, `features`, `k`,
    /// `silhouette_by_k` and `clusters` (same fields as in ``jsonData(store:pretty:)``).
    public func clustersJSONData(store: MessageStore, pretty: Bool = false) throws(InsightError) -> Data {
        let doc = InsightDocument(self, store: store)
        let scores = Dictionary(uniqueKeysWithValues: clustering.silhouetteByK.map { (String($0.key), InsightDocument.round($0.value)) })
        do {
            return try Self.encoder(pretty: pretty).encode(ClustersDocument(messages: doc.messages, terms: doc.terms,
                                                                            features: doc.features, k: doc.k,
                                                                            silhouette_by_k: scores, clusters: doc.clusters))
        } catch {
            throw .encodingFailed(reason: "\(error)")
        }
    }
}

extension InsightReport {
    /// Sorted keys; NaN and infinities written as strings rather than failing.
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }
}

/// The JSON shape of `dyad clusters --json`.
struct ClustersDocument: Encodable {
    var messages: Int
    var terms: Int
    var features: Int
    var k: Int
    var silhouette_by_k: [String: Double]
    var clusters: [InsightDocument.ClusterDoc]
}

/// The JSON shape of an ``InsightReport`` (snake_case keys, message ids instead of indices).
struct InsightDocument: Encodable {
    struct ClusterDoc: Encodable {
        var id: Int
        var size: Int
        var top_terms: [String]
        var label_mix: [String: Int]
        var unlabeled_share: Double
        var mean_confidence: Double?
        var cohesion: Double
        var representatives: [String]
        var boundary: [String]
    }
    struct AnomalyDoc: Encodable {
        var id: String
        var score: Double
        var reason: String
        var similarity: Double
        var rare_terms: [String]
    }
    struct EmergingDoc: Encodable {
        var term: String
        var score: Double
        var log_ratio: Double
        var recent_count: Int
        var baseline_count: Int
        var message_ids: [String]
    }
    struct SuggestionDoc: Encodable {
        var term: String
        var label: String
        var weight: Double
        var delta: Double?
        var support: Int?
    }
    struct ReviewDoc: Encodable {
        var id: String
        var given_label: String
        var suggested_label: String
        var confidence: Double
        var reasons: [ReasonDoc]
        var neighbours: [NeighbourDoc]
    }
    struct ReasonDoc: Encodable {
        var token: String
        var weight: Double
    }
    struct NeighbourDoc: Encodable {
        var id: String
        var label: String
        var similarity: Double
    }

    var messages: Int
    var terms: Int
    var features: Int
    var k: Int
    var clusters: [ClusterDoc]
    var anomalies: [AnomalyDoc]
    var emerging_terms: [EmergingDoc]
    var suggestions: [SuggestionDoc]
    var review: [ReviewDoc]

    init(_ r: InsightReport, store: MessageStore) {
        messages = r.messageCount
        terms = r.termCount
        features = r.featureCount
        k = r.clustering.k
        clusters = r.clustering.clusters.map {
            ClusterDoc(id: $0.id, size: $0.size, top_terms: $0.topTerms.map(\.term), label_mix: $0.labelMix,
                       unlabeled_share: Self.round($0.unlabeledShare), mean_confidence: $0.meanConfidence.map(Self.round),
                       cohesion: Self.round($0.cohesion), representatives: $0.representatives.map(store.id),
                       boundary: $0.boundary.map(store.id))
        }
        anomalies = r.anomalies.map {
            AnomalyDoc(id: store.id($0.messageIndex), score: Self.round($0.score), reason: $0.reason,
                       similarity: Self.round($0.similarity), rare_terms: $0.rareTerms)
        }
        emerging_terms = r.emergingTerms.map {
            EmergingDoc(term: $0.term, score: Self.round($0.score), log_ratio: Self.round($0.logRatio), recent_count: $0.recentCount,
                        baseline_count: $0.baselineCount, message_ids: $0.messageIndices.map(store.id))
        }
        suggestions = r.suggestions.map {
            SuggestionDoc(term: $0.term, label: $0.label, weight: Self.round($0.weight), delta: $0.delta.map(Self.round), support: $0.support)
        }
        review = r.review.map {
            ReviewDoc(id: store.id($0.messageIndex), given_label: $0.givenLabel, suggested_label: $0.suggestedLabel,
                      confidence: Self.round($0.confidence),
                      reasons: $0.reasons.map { ReasonDoc(token: $0.token, weight: Self.round($0.weight)) },
                      neighbours: $0.neighbours.map { NeighbourDoc(id: store.id($0.messageIndex), label: $0.label, similarity: Self.round($0.similarity)) })
        }
    }

    /// Four decimals: enough to rank, short to read.
    static func round(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
