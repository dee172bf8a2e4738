import Engine

/// One group of similar messages found by ``Clusterer``.
public struct Cluster: Sendable, Equatable, Identifiable {
    /// Cluster number, `0..<k`, largest cluster first.
    public var id: Int
    /// Message indices in the cluster, increasing.
    public var members: [Int]
    /// Terms that set the cluster apart: centroid weight minus the weight in the global mean, highest first.
    public var topTerms: [TermWeight]
    /// Number of labeled members per label.
    public var labelMix: [String: Int]
    /// Share of members without a label, 0…1.
    public var unlabeledShare: Double
    /// Mean top-label probability of the model over the members, when predictions were given.
    public var meanConfidence: Double?
    /// Mean cosine similarity of the members to the centroid (how tight the cluster is).
    public var cohesion: Double
    /// Members closest to the centroid, most typical first.
    public var representatives: [Int]
    /// Members with the smallest lead of this centroid over the next one, most ambiguous first.
    public var boundary: [Int]

    /// Number of members.
    public var size: Int { members.count }

    /// Number of labeled members.
    public var labeledCount: Int { labelMix.values.reduce(0, +) }

    /// The most frequent label among labeled members (ties: alphabetical), if any.
    public var dominantLabel: String? {
        labelMix.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
