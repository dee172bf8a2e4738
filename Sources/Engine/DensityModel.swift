/// How typical a message is of a pool: cosine similarity to the pool's mean feature vector.
public struct DensityModel: Sendable {
    var centroid: [Float]
    var norm: Double

    /// Builds the centroid from (a sample of) the pool's feature vectors; `hashBits` as in the engine config.
    public init(vectors: [FeatureVector], hashBits: Int) {
        var c = [Float](repeating: 0, count: 1 << hashBits)
        for fv in vectors {
            for (k, i) in fv.indices.enumerated() where Int(i) < c.count { c[Int(i)] += fv.value(at: k) }
        }
        centroid = c
        norm = c.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    /// Cosine similarity of `fv` to the centroid (0…1).
    public func similarity(_ fv: FeatureVector) -> Double {
        guard norm > 0 else { return 0 }
        var dot = 0.0, selfNorm = 0.0
        for (k, i) in fv.indices.enumerated() where Int(i) < centroid.count {
            let v = Double(fv.value(at: k))
            dot += v * Double(centroid[Int(i)])
            selfNorm += v * v
        }
        guard selfNorm > 0 else { return 0 }
        return dot / (norm * selfNorm.squareRoot())
    }
}
