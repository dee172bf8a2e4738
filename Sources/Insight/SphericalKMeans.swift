/// Spherical k-means (cosine similarity, unit-length centroids) over the feature rows of a ``TermIndex``.
///
/// Centroids are dense and stored feature-major (`centroids[slot * k + c]`), so
/// scoring one sparse row against all `k` centroids reads contiguous memory.
struct SphericalKMeans {
    let index: TermIndex
    let k: Int
    /// Called once per iteration (see `Clusterer.checkpoint`).
    var checkpoint: (@Sendable () -> Void)? = nil

    /// Nearest and second-nearest centroid of each row of a fit.
    struct Assignment: Equatable {
        var cluster: [Int32]
        var similarity: [Float]
        var second: [Float]
    }

    var dims: Int { index.featureCount }

    /// Similarity of each of `rows` to its nearest and second-nearest centroid.
    func assign(_ rows: [Int], centroids: [Float]) -> Assignment {
        var out = Assignment(cluster: [], similarity: [], second: [])
        out.cluster.reserveCapacity(rows.count)
        out.similarity.reserveCapacity(rows.count)
        out.second.reserveCapacity(rows.count)
        var sims = [Float](repeating: 0, count: k)
        let kk = k
        index.featureSlots.withUnsafeBufferPointer { slots in
            index.featureWeights.withUnsafeBufferPointer { weights in
                centroids.withUnsafeBufferPointer { cent in
                    sims.withUnsafeMutableBufferPointer { s in
                        for r in rows {
                            for c in 0..<kk { s[c] = 0 }
                            for e in index.featureStarts[r]..<index.featureStarts[r + 1] {
                                let base = Int(slots[e]) * kk
                                let w = weights[e]
                                for c in 0..<kk { s[c] += w * cent[base + c] }
                            }
                            var best = 0
                            var second: Float = -1
                            for c in 1..<max(kk, 1) {
                                if s[c] > s[best] {
                                    second = s[best]
                                    best = c
                                } else if s[c] > second {
                                    second = s[c]
                                }
                            }
                            out.cluster.append(Int32(best))
                            out.similarity.append(kk > 0 ? s[best] : 0)
                            out.second.append(kk > 1 ? second : 0)
                        }
                    }
                }
            }
        }
        return out
    }

    /// Unit-length mean of the rows of each cluster; an empty cluster takes the worst-fitting row.
    func centroids(_ rows: [Int], assignment a: Assignment) -> [Float] {
        var cent = [Float](repeating: 0, count: dims * k)
        var sizes = [Int](repeating: 0, count: k)
        for (j, r) in rows.enumerated() {
            let c = Int(a.cluster[j])
            sizes[c] += 1
            add(row: r, to: &cent, column: c)
        }
        if sizes.contains(0) {
            var used = Set<Int>()
            for c in 0..<k where sizes[c] == 0 {
                let worst = rows.indices
                    .filter { !used.contains($0) && sizes[Int(a.cluster[$0])] > 1 }
                    .min { a.similarity[$0] != a.similarity[$1] ? a.similarity[$0] < a.similarity[$1] : $0 < $1 }
                guard let w = worst else { continue }
                used.insert(w)
                add(row: rows[w], to: &cent, column: c)
            }
        }
        normalize(&cent)
        return cent
    }

    /// k-means++ seeding with distance `1 - cosine` over `rows`.
    func seed(_ rows: [Int], rng: inout SeededGenerator) -> [Float] {
        var cent = [Float](repeating: 0, count: dims * k)
        guard !rows.isEmpty else { return cent }
        var dense = [Float](repeating: 0, count: dims)
        var distance = [Double](repeating: 1, count: rows.count)
        var chosen = Int(rng.next() % UInt64(rows.count))
        for c in 0..<k {
            add(row: rows[chosen], to: &cent, column: c)
            scatter(rows[chosen], into: &dense, scale: 1)
            var total = 0.0
            for (j, r) in rows.enumerated() {
                let d = max(0, 1 - Double(dot(r, dense)))
                if d < distance[j] { distance[j] = d }
                total += distance[j]
            }
            scatter(rows[chosen], into: &dense, scale: 0)
            guard c + 1 < k else { break }
            if total <= 0 {
                chosen = Int(rng.next() % UInt64(rows.count))
                continue
            }
            var target = rng.unit() * total
            chosen = rows.count - 1
            for j in rows.indices {
                target -= distance[j]
                if target < 0 {
                    chosen = j
                    break
                }
            }
        }
        normalize(&cent)
        return cent
    }

    /// Best of `restarts` runs (highest total similarity): each seeds, then alternates assignment
    /// and centroid update until nothing moves or `maxIterations` is reached.
    func fit(_ rows: [Int], rng: inout SeededGenerator, maxIterations: Int, restarts: Int = 1)
        -> (centroids: [Float], assignment: Assignment) {
        var best: (centroids: [Float], assignment: Assignment)?
        var bestScore = -Double.infinity
        for _ in 0..<max(1, restarts) {
            var cent = seed(rows, rng: &rng)
            var a = assign(rows, centroids: cent)
            for _ in 0..<maxIterations {
                checkpoint?()
                cent = centroids(rows, assignment: a)
                let next = assign(rows, centroids: cent)
                let moved = next.cluster != a.cluster
                a = next
                if !moved { break }
            }
            let score = a.similarity.reduce(0.0) { $0 + Double($1) }
            if score > bestScore {
                bestScore = score
                best = (cent, a)
            }
        }
        return best ?? (seed(rows, rng: &rng), Assignment(cluster: [], similarity: [], second: []))
    }

    /// Simplified silhouette: mean of `(b - a) / max(a, b)` with `a`, `b` the distances to the
    /// nearest and second centroid; members of single-member clusters count 0 (as in the full silhouette).
    static func silhouette(_ a: Assignment, k: Int) -> Double {
        guard !a.cluster.isEmpty else { return 0 }
        var sizes = [Int](repeating: 0, count: k)
        for c in a.cluster { sizes[Int(c)] += 1 }
        var s = 0.0
        for j in a.cluster.indices where sizes[Int(a.cluster[j])] > 1 {
            let own = 1 - Double(a.similarity[j]), other = 1 - Double(a.second[j])
            let m = max(own, other)
            if m > 0 { s += (other - own) / m }
        }
        return s / Double(a.cluster.count)
    }

    private func add(row r: Int, to cent: inout [Float], column c: Int) {
        for e in index.featureStarts[r]..<index.featureStarts[r + 1] {
            cent[Int(index.featureSlots[e]) * k + c] += index.featureWeights[e]
        }
    }

    private func scatter(_ r: Int, into dense: inout [Float], scale: Float) {
        for e in index.featureStarts[r]..<index.featureStarts[r + 1] {
            dense[Int(index.featureSlots[e])] = index.featureWeights[e] * scale
        }
    }

    private func dot(_ r: Int, _ dense: [Float]) -> Float {
        var s: Float = 0
        for e in index.featureStarts[r]..<index.featureStarts[r + 1] {
            s += index.featureWeights[e] * dense[Int(index.featureSlots[e])]
        }
        return s
    }

    private func normalize(_ cent: inout [Float]) {
        var norms = [Float](repeating: 0, count: k)
        for i in 0..<cent.count { norms[i % k] += cent[i] * cent[i] }
        for c in 0..<k { norms[c] = norms[c] > 0 ? 1 / norms[c].squareRoot() : 0 }
        for i in 0..<cent.count { cent[i] *= norms[i % k] }
    }
}
