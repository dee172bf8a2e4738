/// The result of ``Clusterer/run(_:labels:confidences:)``: clusters plus each message's place.
public struct Clustering: Sendable, Equatable {
    /// Clusters, largest first; `clusters[i].id == i`.
    public var clusters: [Cluster]
    /// Cluster of each message, or -1 when the message has no feature (nothing to compare).
    public var assignment: [Int32]
    /// Cosine similarity of each message to its cluster's centroid (0 when unassigned).
    public var similarity: [Float]
    /// Cosine similarity of each message to the second-nearest centroid (0 when unassigned or k = 1).
    public var secondSimilarity: [Float]
    /// Simplified silhouette of each `k` tried during the automatic choice (empty when `k` was given).
    public var silhouetteByK: [Int: Double]

    /// Number of clusters.
    public var k: Int { clusters.count }

    /// The cluster of message `i`, if it has one.
    public func cluster(of i: Int) -> Int? {
        i < assignment.count && assignment[i] >= 0 ? Int(assignment[i]) : nil
    }

    /// An empty result for `count` messages, none of them assigned.
    static func empty(count: Int) -> Clustering {
        Clustering(clusters: [], assignment: [Int32](repeating: -1, count: count),
                   similarity: [Float](repeating: 0, count: count),
                   secondSimilarity: [Float](repeating: 0, count: count), silhouetteByK: [:])
    }

    /// Recomputes label mix, unlabeled share and mean confidence of every cluster.
    ///
    /// Cheap (one pass over members), so a view can refresh it after each decision
    /// without clustering again. `confidences` is indexed by message (NaN = unknown).
    public mutating func annotate(labels: [Int: String], confidences: [Double]? = nil) {
        for c in clusters.indices {
            var mix: [String: Int] = [:]
            var confSum = 0.0, confCount = 0
            for m in clusters[c].members {
                if let l = labels[m] { mix[l, default: 0] += 1 }
                if let conf = confidences, m < conf.count, conf[m].isFinite {
                    confSum += conf[m]
                    confCount += 1
                }
            }
            let size = clusters[c].members.count
            let labeled = mix.values.reduce(0, +)
            clusters[c].labelMix = mix
            clusters[c].unlabeledShare = size > 0 ? Double(size - labeled) / Double(size) : 0
            clusters[c].meanConfidence = confCount > 0 ? confSum / Double(confCount) : nil
        }
    }
}
