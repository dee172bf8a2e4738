/// A sparse vector: term ids in increasing order with their weights.
public struct SparseVector: Sendable, Equatable {
    /// Term ids (indices into ``TermIndex/terms``), increasing.
    public var indices: [Int32]
    /// Weights, parallel to `indices`.
    public var values: [Float]

    /// Creates a vector from parallel arrays (indices must be increasing).
    public init(indices: [Int32] = [], values: [Float] = []) {
        self.indices = indices
        self.values = values
    }

    /// Number of stored entries.
    public var count: Int { indices.count }

    /// Euclidean length.
    public var norm: Double {
        var s = 0.0
        for v in values { s += Double(v) * Double(v) }
        return s.squareRoot()
    }

    /// Dot product with another sparse vector (merge of the two index lists).
    public func dot(_ other: SparseVector) -> Double {
        var i = 0, j = 0, s = 0.0
        while i < indices.count && j < other.indices.count {
            let a = indices[i], b = other.indices[j]
            if a == b {
                s += Double(values[i]) * Double(other.values[j])
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        return s
    }
}
