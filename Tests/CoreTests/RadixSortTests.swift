import Core
import Testing

@Suite("Radix sort")
struct RadixSortTests {
    /// Keys as the queue builds them: a priority in the high half, the index (ascending) in the low half.
    static func keys(_ n: Int, distinct: UInt64, seed: UInt64) -> [UInt64] {
        var z = seed
        return (0..<n).map { i in
            z = z &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return ((z >> 33) % distinct) << 32 | UInt64(i)
        }
    }

    /// The first position where two arrays differ (nil: equal), so a failure prints one key, not a million.
    static func firstDifference(_ a: [UInt64], _ b: [UInt64]) -> Int? {
        a.count != b.count ? min(a.count, b.count) : a.indices.first { a[$0] != b[$0] }
    }

    @Test(arguments: [(0, 1), (1, 1), (2, 1), (17, 3), (5_000, 7), (5_000, 1 << 31), (100_000, 1 << 20)])
    func sortsLikeTheComparisonSort(n: Int, distinct: Int) {
        var keys = Self.keys(n, distinct: UInt64(distinct), seed: UInt64(n * 31 + distinct))
        let expected = keys.sorted()
        RadixSort.sortByHighHalf(&keys)
        #expect(Self.firstDifference(keys, expected) == nil)
    }

    @Test func keepsTheInputOrderOfEqualHighHalves() {
        // Low halves descending: a sort of whole keys would reverse them, a stable one must not.
        var keys: [UInt64] = (0..<1000).map { i in UInt64(i % 3) << 32 | UInt64(999 - i) }
        let expected = keys.enumerated().sorted { ($0.element >> 32, $0.offset) < ($1.element >> 32, $1.offset) }.map(\.element)
        RadixSort.sortByHighHalf(&keys)
        #expect(Self.firstDifference(keys, expected) == nil)
    }

    @Test func everyDigitPosition() {
        var keys: [UInt64] = [0xFF00_0000, 0x00FF_0000, 0x0000_FF00, 0x0000_00FF, 0x0101_0101, 0].enumerated()
            .map { UInt64($0.element) << 32 | UInt64($0.offset) }
        let expected = keys.sorted()
        RadixSort.sortByHighHalf(&keys)
        #expect(Self.firstDifference(keys, expected) == nil)
    }
}
