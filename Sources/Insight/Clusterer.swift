import Engine

/// Groups messages by content: spherical k-means on TF-IDF vectors, `k` chosen automatically.
///
/// Deterministic for a seed. Large inputs are handled by sampling: `k` is chosen
/// on `selectionSampleSize` messages, centroids are fitted on `fitSampleSize`,
/// then every message is assigned, the centroids are recomputed from all
/// members once and every message is assigned again.
public struct Clusterer: Sendable {
    /// The settings used.
    public var options: ClusterOptions
    /// Called once per k-means iteration: a caller may block in it to let more urgent work run.
    public var checkpoint: (@Sendable () -> Void)?

    /// Creates a clusterer.
    public init(options: ClusterOptions = .init()) {
        self.options = options
    }

    /// Clusters all messages of `index` and describes each cluster.
    ///
    /// - Parameters:
    ///   - labels: analyst labels by message index (for label mix and unlabeled share).
    ///   - confidences: model top-label probability per message index (NaN = unknown), optional.
    public func run(_ index: TermIndex, labels: [Int: String] = [:], confidences: [Double]? = nil) -> Clustering {
        let n = index.count
        let rows = (0..<n).filter { index.hasFeatures($0) }
        guard !rows.isEmpty else { return .empty(count: n) }
        var silhouettes: [Int: Double] = [:]
        let k: Int
        if let fixed = options.k {
            k = max(1, min(fixed, rows.count))
        } else {
            (k, silhouettes) = chooseK(index, rows: rows)
        }
        var rng = SeededGenerator(seed: options.seed)
        let fitRows = rng.sample(rows.count, count: options.fitSampleSize).map { rows[$0] }
        let km = SphericalKMeans(index: index, k: k, checkpoint: checkpoint)
        var (centroids, assigned) = km.fit(fitRows, rng: &rng, maxIterations: options.maxIterations,
                                        restarts: options.restarts)
        if fitRows.count < rows.count {
            assigned = km.assign(rows, centroids: centroids)
            centroids = km.centroids(rows, assignment: assigned)
            assigned = km.assign(rows, centroids: centroids)
        }
        var result = describe(index, rows: rows, centroids: centroids, assigned: assigned, k: k)
        result.silhouetteByK = silhouettes
        result.annotate(labels: labels, confidences: confidences)
        return result
    }

    /// The `k` of best simplified silhouette on a sample (ties: the smaller `k`), with all scores.
    func chooseK(_ index: TermIndex, rows: [Int]) -> (Int, [Int: Double]) {
        var rng = SeededGenerator(seed: options.seed ^ 0x5EED)
        let sample = rng.sample(rows.count, count: options.selectionSampleSize).map { rows[$0] }
        let upper = max(2, sample.count / 10)
        let ks = Set(options.candidates.filter { $0 >= 2 && $0 <= upper }).sorted()
        guard let first = ks.first, sample.count >= 6 else { return (1, [:]) }
        var scores: [Int: Double] = [:]
        var best = first
        for k in ks {
            var fitRNG = SeededGenerator(seed: options.seed &+ UInt64(k))
            let (_, a) = SphericalKMeans(index: index, k: k, checkpoint: checkpoint)
                .fit(sample, rng: &fitRNG, maxIterations: options.maxIterations, restarts: options.restarts)
            let score = SphericalKMeans.silhouette(a, k: k)
            scores[k] = score
            if let b = scores[best], score > b + 1e-9 { best = k }
        }
        return (best, scores)
    }

    /// Builds the clusters (largest first) from a fit over `rows`.
    func describe(_ index: TermIndex, rows: [Int], centroids: [Float], assigned: SphericalKMeans.Assignment, k: Int) -> Clustering {
        var members = [[Int]](repeating: [], count: k)
        for (j, r) in rows.enumerated() { members[Int(assigned.cluster[j])].append(r) }
        let sizes = members.map(\.count)
        let order = (0..<k).filter { sizes[$0] > 0 }
            .sorted { (a: Int, b: Int) -> Bool in sizes[a] != sizes[b] ? sizes[a] > sizes[b] : a < b }
        var newID = [Int32](repeating: -1, count: k)
        for (i, old) in order.enumerated() { newID[old] = Int32(i) }
        var result = Clustering.empty(count: index.count)
        for (j, r) in rows.enumerated() {
            result.assignment[r] = newID[Int(assigned.cluster[j])]
            result.similarity[r] = assigned.similarity[j]
            result.secondSimilarity[r] = assigned.second[j]
        }
        let global = globalMean(index, rows: rows)
        for (i, old) in order.enumerated() {
            let m = members[old]
            let sim = { (r: Int) -> Float in result.similarity[r] }
            let lead = { (r: Int) -> Float in result.similarity[r] - result.secondSimilarity[r] }
            let reps = m.sorted { sim($0) != sim($1) ? sim($0) > sim($1) : $0 < $1 }.prefix(options.exampleCount)
            let edge = m.sorted { lead($0) != lead($1) ? lead($0) < lead($1) : $0 < $1 }.prefix(options.exampleCount)
            let cohesion = m.reduce(0.0) { $0 + Double(sim($1)) } / Double(m.count)
            result.clusters.append(Cluster(
                id: i, members: m, topTerms: topTerms(index, centroids: centroids, column: old, k: k, global: global),
                labelMix: [:], unlabeledShare: 1, meanConfidence: nil, cohesion: cohesion,
                representatives: Array(reps), boundary: Array(edge)))
        }
        return result
    }

    /// Unit-length mean of all message vectors (the "global" profile top terms are compared with).
    private func globalMean(_ index: TermIndex, rows: [Int]) -> [Float] {
        var g = [Float](repeating: 0, count: index.featureCount)
        for r in rows {
            for e in index.featureStarts[r]..<index.featureStarts[r + 1] {
                g[Int(index.featureSlots[e])] += index.featureWeights[e]
            }
        }
        let norm = g.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for i in g.indices { g[i] /= norm } }
        return g
    }

    /// Terms by centroid weight minus global weight, highest first (positive centroid weight only).
    /// Function words of other languages help group a Spanish lure with its like, but they do not
    /// name it: they are left out here, not from the clustering.
    private func topTerms(_ index: TermIndex, centroids: [Float], column c: Int, k: Int, global: [Float]) -> [TermWeight] {
        var scored: [(slot: Int, score: Float)] = []
        for slot in 0..<index.featureCount {
            let w = centroids[slot * k + c]
            if w > 0, !StopWords.otherLanguages.contains(index.terms[Int(index.featureTerms[slot])]) {
                scored.append((slot, w - global[slot]))
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.slot < $1.slot }
        return scored.prefix(options.topTermCount).map {
            TermWeight(term: index.terms[Int(index.featureTerms[$0.slot])], weight: Double($0.score))
        }
    }
}
