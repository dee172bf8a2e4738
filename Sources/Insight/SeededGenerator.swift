/// A small deterministic random number generator (SplitMix64).
///
/// Every randomized step of Insight (sampling, k-means++ seeding, fold
/// assignment) draws from one of these, so results depend only on the seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / Double(UInt64(1) << 53))
    }

    /// `count` distinct values of `0..<n`, in increasing order (all of them when `count >= n`).
    public mutating func sample(_ n: Int, count: Int) -> [Int] {
        guard count < n else { return Array(0..<n) }
        var pool = Array(0..<n)
        for i in 0..<count {
            let j = i + Int(next() % UInt64(n - i))
            pool.swapAt(i, j)
        }
        return pool[0..<count].sorted()
    }
}
