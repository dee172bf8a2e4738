/// Readable spellings of word-block slots (unigrams and bigrams), for `topTerms`.
///
/// A bit per slot says which slots are known, so learning a message whose words
/// are all known costs a bit test per term instead of a dictionary look-up (a
/// hash and a cache miss in a table of up to 200,000 entries); the first spelling
/// seen for a slot is kept.
struct Vocabulary: Sendable, Sequence {
    private(set) var terms: [UInt32: String] = [:]
    /// Bit `s` set when slot `s` has a spelling (allocated at the first insertion).
    private var known: [UInt64] = []
    private let slotCount: Int

    /// An empty vocabulary for slots `0..<slotCount`.
    init(slotCount: Int) { self.slotCount = slotCount }

    var count: Int { terms.count }
    var isEmpty: Bool { terms.isEmpty }
    var slots: Dictionary<UInt32, String>.Keys { terms.keys }
    /// Bytes held (for memory reports).
    var byteCount: Int { terms.count * 48 + known.count * 8 }

    subscript(slot: UInt32) -> String? { terms[slot] }

    func makeIterator() -> Dictionary<UInt32, String>.Iterator { terms.makeIterator() }

    /// Whether `slot` has a spelling.
    @inline(__always)
    func contains(_ slot: UInt32) -> Bool {
        let w = Int(slot >> 6)
        return w < known.count && known[w] & (1 << UInt64(slot & 63)) != 0
    }

    /// Gives `slot` the spelling `term()` unless it has one.
    @inline(__always)
    mutating func insert(_ slot: UInt32, _ term: () -> String) {
        guard !contains(slot) else { return }
        if known.isEmpty { known = [UInt64](repeating: 0, count: (slotCount + 63) / 64) }
        known[Int(slot >> 6)] |= 1 << UInt64(slot & 63)
        terms[slot] = term()
    }

    mutating func reserveCapacity(_ n: Int) { terms.reserveCapacity(n) }
}
