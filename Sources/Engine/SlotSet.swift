/// A small open-addressing set of feature slots that remembers first-insertion positions.
///
/// Featurization dedupes ~200 slots per message; this costs a few ns per slot,
/// against ~50 ns for sorting, and keeps the (deterministic) order of first
/// appearance.
struct SlotSet {
    private var keys: [UInt32]
    private var positions: [Int32]
    private let mask: Int
    /// Number of distinct slots inserted.
    private(set) var count = 0

    static let empty = UInt32.max

    /// Creates a set for about `capacity` slots.
    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt32](repeating: Self.empty, count: size)
        positions = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Inserts `slot`; returns its position (order of first insertion) and whether it was new.
    @inline(__always)
    mutating func insert(_ slot: UInt32) -> (position: Int, inserted: Bool) {
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
