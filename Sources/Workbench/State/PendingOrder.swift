/// The pending section of a ranking, head last, with each message's place in it.
public struct PendingOrder: Sendable {
    /// Message indices by priority, head last.
    public var headLast: [Int32]
    /// Place of each message index in `headLast` (-1: not pending when the ranking was asked for).
    public var places: [Int32]

    /// The order `headLast` with its places computed.
    public init(headLast: [Int32], count: Int) {
        self.headLast = headLast
        var places = [Int32](repeating: -1, count: count)
        places.withUnsafeMutableBufferPointer { p in
            for (k, i) in headLast.enumerated() where Int(i) < count { p[Int(i)] = Int32(k) }
        }
        self.places = places
    }
}
