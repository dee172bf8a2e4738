/// Settings of ``Clusterer``.
public struct ClusterOptions: Sendable, Equatable {
    /// Number of clusters; nil chooses it automatically (best simplified silhouette over `kRange`).
    public var k: Int?
    /// Candidate numbers of clusters for the automatic choice (capped at a third of the messages).
    public var kRange: ClosedRange<Int>
    /// Seed of sampling and k-means++ seeding; the same seed gives the same clusters.
    public var seed: UInt64
    /// Messages sampled to choose `k`.
    public var selectionSampleSize: Int
    /// Messages sampled to fit the centroids; all messages are then assigned and the centroids refined once.
    public var fitSampleSize: Int
    /// Most Lloyd iterations per fit.
    public var maxIterations: Int
    /// k-means++ restarts per fit; the one with the highest total similarity is kept.
    public var restarts: Int
    /// Top terms kept per cluster.
    public var topTermCount: Int
    /// Representative and boundary members kept per cluster.
    public var exampleCount: Int

    /// Creates options; the defaults keep clustering of 100,000 messages to a few seconds.
    public init(k: Int? = nil, kRange: ClosedRange<Int> = 2...24, seed: UInt64 = 20_260_601,
                selectionSampleSize: Int = 3_000, fitSampleSize: Int = 20_000, maxIterations: Int = 30,
                restarts: Int = 3, topTermCount: Int = 8, exampleCount: Int = 5) {
        self.k = k
        self.kRange = kRange
        self.seed = seed
        self.selectionSampleSize = selectionSampleSize
        self.fitSampleSize = fitSampleSize
        self.maxIterations = maxIterations
        self.restarts = restarts
        self.topTermCount = topTermCount
        self.exampleCount = exampleCount
    }
}
