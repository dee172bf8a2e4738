/// Settings of ``Clusterer``.
public struct ClusterOptions: Sendable, Equatable {
    /// Number of clusters; nil chooses it automatically (best simplified silhouette over `candidates`).
    public var k: Int?
    /// Candidate numbers of clusters for the automatic choice; those above a tenth of the
    /// selection sample are skipped (clusters of fewer than ~10 messages are not worth browsing).
    public var candidates: [Int]
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
    public init(k: Int? = nil, candidates: [Int] = [2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40], seed: UInt64 = 20_260_601,
                selectionSampleSize: Int = 3_000, fitSampleSize: Int = 20_000, maxIterations: Int = 30,
                restarts: Int = 3, topTermCount: Int = 8, exampleCount: Int = 5) {
        self.k = k
        self.candidates = candidates
        self.seed = seed
        self.selectionSampleSize = selectionSampleSize
        self.fitSampleSize = fitSampleSize
        self.maxIterations = maxIterations
        self.restarts = restarts
        self.topTermCount = topTermCount
        self.exampleCount = exampleCount
    }
}
