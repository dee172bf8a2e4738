import Foundation

/// A message that fits nowhere, with a score and a reason an analyst can read.
public struct Anomaly: Sendable, Equatable {
    /// Index of the message in the store.
    public var messageIndex: Int
    /// 0…1, higher is stranger: mean of the distance score and the rare-term score.
    public var score: Double
    /// Cosine similarity to the nearest cluster centroid (0 when the message shares no feature).
    public var similarity: Double
    /// The message's rare terms (document frequency at or below the rare threshold).
    public var rareTerms: [String]
    /// Number of distinct terms in the message.
    public var termCount: Int
    /// Why it was flagged, e.g. `far from every cluster (sim 0.08)`.
    public var reason: String
}

/// Finds messages far from every centroid or dominated by rare terms.
///
/// Distance score: `1 - sim / cohesion`, clamped to 0…1, where `sim` is the
/// message's similarity to its nearest centroid and `cohesion` that cluster's
/// mean similarity (so a message is judged against how tight its cluster is);
/// a message sharing no feature with any other scores 1. Rare score:
/// `rare / (terms + 2)` (the +2 keeps one odd word in a two-word message from
/// counting as "dominated"). The anomaly score is their mean.
public struct AnomalyDetector: Sendable {
    /// Terms seen in at most this many messages are rare; nil means `max(1, N / 50,000)`.
    public var rareMaxDocumentFrequency: Int?
    /// Lowest score reported.
    public var minScore: Double
    /// Most anomalies returned.
    public var limit: Int

    /// Creates a detector.
    public init(rareMaxDocumentFrequency: Int? = nil, minScore: Double = 0.35, limit: Int = 50) {
        self.rareMaxDocumentFrequency = rareMaxDocumentFrequency
        self.minScore = minScore
        self.limit = limit
    }

    /// Ranks the anomalies of all messages, highest score first (ties: lower index first).
    public func detect(_ index: TermIndex, clustering: Clustering) -> [Anomaly] {
        let rareMax = rareMaxDocumentFrequency ?? max(1, index.count / 50_000)
        var found: [Anomaly] = []
        for i in 0..<index.count {
            let ids = index.termIDs(of: i)
            guard !ids.isEmpty else { continue }
            let rare = ids.filter { Int(index.documentFrequency[Int($0)]) <= rareMax }
            let rareScore = Double(rare.count) / Double(ids.count + 2)
            let sim = Double(clustering.similarity[i])
            let cluster = clustering.cluster(of: i)
            let cohesion = cluster.map { clustering.clusters[$0].cohesion } ?? 0
            let farScore = cluster == nil || cohesion <= 0 ? 1 : min(1, max(0, 1 - sim / cohesion))
            let score = (farScore + rareScore) / 2
            guard score >= minScore else { continue }
            let rareTerms = rare.map { index.terms[Int($0)] }
            found.append(Anomaly(messageIndex: i, score: score, similarity: sim, rareTerms: rareTerms,
                                 termCount: ids.count,
                                 reason: reason(farScore: farScore, sim: sim, cohesion: cohesion, hasCluster: cluster != nil,
                                                rare: rareTerms, terms: ids.count)))
        }
        found.sort { $0.score != $1.score ? $0.score > $1.score : $0.messageIndex < $1.messageIndex }
        return Array(found.prefix(limit))
    }

    /// The human-readable reason, naming the strongest signals first.
    func reason(farScore: Double, sim: Double, cohesion: Double, hasCluster: Bool, rare: [String], terms: Int) -> String {
        var parts: [String] = []
        if !hasCluster {
            parts.append("shares no term with other messages")
        } else if farScore >= 0.5 {
            parts.append("far from every cluster (sim \(Self.format(sim)), typical \(Self.format(cohesion)))")
        }
        if !rare.isEmpty && (rare.count * 2 >= terms || parts.isEmpty) {
            let shown = rare.prefix(5).joined(separator: ", ") + (rare.count > 5 ? ", …" : "")
            parts.append("\(rare.count) of \(terms) terms are rare: \(shown)")
        }
        if parts.isEmpty {
            parts.append("loosely fits its cluster (sim \(Self.format(sim)), typical \(Self.format(cohesion)))")
        }
        return parts.joined(separator: "; ")
    }

    /// Two decimals, for reasons.
    static func format(_ x: Double) -> String { String(format: "%.2f", x) }
}
