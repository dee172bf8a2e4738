import Insight

/// The benchmark's seeded choices (Insight's SplitMix64 `SeededGenerator`), so every
/// benchmark run sees the same data and keys.
struct BenchRandom {
    private var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { generator.next() }

    /// A uniform integer in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// A random element of a non-empty array.
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}
