/// Finds the first message with an id, without a `String` or a dictionary entry per message.
///
/// An open-addressing table (linear probing, at most half full) of message indices, each with
/// 32 bits of its id's hash so that most probes never read the id; the ids themselves stay in
/// the store's id bytes, which the caller hands in for comparison. At a million messages it is
/// 16 MB, against about 60 MB for a `[String: Int]`, and a look-up hashes the id's bytes once
/// (FNV-1a) instead of seeding a `Hasher`.
struct IDIndex: Sendable {
    /// Per slot: the id's hash in the high 32 bits, message index + 1 in the low 32; 0 is empty.
    private var slots: [UInt64] = []
    /// Ids in the table.
    private(set) var count = 0

    /// The hash of an id's bytes.
    @inline(__always)
    static func hash(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The message holding `id`, given each message's id bytes.
    func find(_ id: UnsafeBufferPointer<UInt8>, ids: (Int) -> UnsafeBufferPointer<UInt8>) -> Int? {
        guard !slots.isEmpty else { return nil }
        return probe(id, ids: ids).found
    }

    /// Adds message `index` under `id` unless the id is there: then returns the message that has it.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>, index: Int, ids: (Int) -> UnsafeBufferPointer<UInt8>) -> Int? {
        if (count + 1) * 2 > slots.count { grow(to: max(1024, slots.count * 2)) }
        let (slot, tag, found) = probe(id, ids: ids)
        if let found { return found }
        slots[slot] = tag | UInt64(index + 1)
        count += 1
        return nil
    }

    /// Walks the probe sequence of `id` (the table must not be empty): the message holding it,
    /// or the empty slot where it would go, with the tag (hash bits) stored beside the index.
    private func probe(_ id: UnsafeBufferPointer<UInt8>,
                       ids: (Int) -> UnsafeBufferPointer<UInt8>) -> (slot: Int, tag: UInt64, found: Int?) {
        let mask = slots.count - 1
        let h = Self.hash(id)
        let tag = UInt64(truncatingIfNeeded: h) << 32
        var s = h & mask
        while true {
            let v = slots[s]
            if v == 0 { return (s, tag, nil) }
            let i = Int(v & 0xFFFF_FFFF) - 1
            if v & ~0xFFFF_FFFF == tag, Self.same(ids(i), id) { return (s, tag, i) }
            s = (s + 1) & mask
        }
    }

    /// Makes room for `n` ids without growing.
    mutating func reserve(_ n: Int) {
        var size = 1024
        while size < n * 2 { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    /// Re-places every entry by its stored hash (the low bits of the hash pick the slot).
    private mutating func grow(to size: Int) {
        var fresh = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for v in slots where v != 0 {
            var s = Int(v >> 32) & mask
            while fresh[s] != 0 { s = (s + 1) & mask }
            fresh[s] = v
        }
        slots = fresh
    }

    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || a.elementsEqual(b))
    }
}
