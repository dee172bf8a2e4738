import Core
import Engine

/// A memo of each message's near-duplicate key: a hash of its word tokens in
/// order (entities, numbers and punctuation left out), so messages that differ
/// only in an address, a hash or a case number share a key.
///
/// Computed once per message on first use (a message's text never changes), so
/// the analyst's consistency on near-duplicates can be measured at each cycle
/// close without tokenizing every labeled message again. Used on the key loop only.
public final class DuplicateKeys: @unchecked Sendable {
    private var keys: [UInt64]

    /// An empty memo for `count` messages.
    public init(count: Int) { keys = Array(repeating: 0, count: count) }

    /// The key of message `i` of `store`.
    public func key(_ i: Int, store: MessageStore) -> UInt64 {
        if i >= keys.count { keys += Array(repeating: 0, count: store.count - keys.count) }
        if keys[i] != 0 { return keys[i] }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for t in Tokenizer.tokenize(store.text(i)) where t.kind == .word {
            for b in t.text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            h = (h ^ 0x20) &* 0x0000_0100_0000_01B3
        }
        keys[i] = h == 0 ? 1 : h
        return keys[i]
    }
}
