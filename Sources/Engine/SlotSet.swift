/// A small open-addressing set of feature slots that remembers first-insertion positions.
///
/// Featurization dedupes ~200 slots per message; this costs a few ns per slot,
/// against ~50 ns for sorting, and keeps the (deterministic) order of first
/// appearance.
public struct SlotSet {
    private var keys: [UInt32]
    private var positions: [Int32]
    private var mask: Int
    /// Number of distinct slots inserted.
    public private(set) var count = 0

    static let empty = UInt32.max

    /// Creates a set for about `capacity` slots.
    public init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt32](repeating: Self.empty, count: size)
        positions = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Doubles the table (keeps each slot's position), so it never fills up whatever the capacity guess.
    private mutating func grow() {
        let oldKeys = keys, oldPositions = positions
        let size = keys.count * 2
        keys = [UInt32](repeating: Self.empty, count: size)
        positions = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (k, p) in zip(oldKeys, oldPositions) where k != Self.empty {
            var i = Int((k &* 0x9E37_79B1) >> 7) & mask
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = k
            positions[i] = p
        }
    }

    /// Whether `slot` was inserted (a look-up only: the set does not grow).
    @inline(__always)
    public func contains(_ slot: UInt32) -> Bool {
        var i = Int((slot &* 0x9E37_79B1) >> 7) & mask
        while true {
            let k = keys[i]
            if k == slot { return true }
            if k == Self.empty { return false }
            i = (i + 1) & mask
        }
    }

    /// Inserts `slot`; returns its position (order of first insertion) and whether it was new.
    @inline(__always)
    public mutating func insert(_ slot: UInt32) -> (position: Int, inserted: Bool) {
        if count * 2 >= keys.count { grow() }
        var i = Int((slot &* 0x9E37_79B1) >> 7) & mask
        while true {
            let k = keys[i]
            if k == slot { return (Int(positions[i]), false) }
            if k == Self.empty {
                keys[i] = slot
                positions[i] = Int32(count)
                count += 1
                return (count - 1, true)
            }
            i = (i + 1) & mask
        }
    }
}
