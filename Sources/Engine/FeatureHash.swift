/// Deterministic 64-bit hashes of feature keys (never Swift's per-process `Hasher`).
enum FeatureHash {
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Murmur3 finalizer: spreads bits of `k`.
    @inline(__always)
    static func mix(_ k: UInt64) -> UInt64 {
        var h = k
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// Hash of a byte string with a seed.
    @inline(__always)
    static func bytes(_ s: String, seed: UInt64) -> UInt64 {
        var h = fnvOffset ^ seed
        for c in s.utf8 { h = (h ^ UInt64(c)) &* fnvPrime }
        return mix(h)
    }

    /// Hash of an ordered pair of keys.
    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64, seed: UInt64) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 ^ ((b << 31) | (b >> 33)) ^ seed)
    }

    /// SplitMix64 step (seeded shuffles, random queue order).
    @inline(__always)
    static func splitmix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
