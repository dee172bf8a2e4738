import Core
import Engine
import Journal

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
        var h = FNV1a()
        for t in Tokenizer.tokenize(store.text(i)) where t.kind == .word {
            h.combine(t.text.utf8)
            h.combine(CollectionOfOne(0x20))
        }
        keys[i] = h.value == 0 ? 1 : h.value
        return keys[i]
    }
}
