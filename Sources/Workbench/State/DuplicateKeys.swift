import Core
import Engine
import Foundation
import Journal

/// A memo of each message's near-duplicate key: a hash of its word tokens in
/// order (entities, numbers and punctuation left out), so messages that differ
/// only in an address, a hash or a case number share a key.
///
/// Computed once per message on first use (a message's text never changes), so
/// the analyst's consistency on near-duplicates can be measured at each cycle
/// close without tokenizing every labeled message again. The decisions a close
/// looks at can be warmed in the background (`warm`), so the first close on a
/// large journal does not tokenize thousands of messages on the key loop.
public final class DuplicateKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [UInt64]

    /// An empty memo for `count` messages.
    public init(count: Int) { keys = Array(repeating: 0, count: count) }

    /// The key of message `i` of `store`.
    public func key(_ i: Int, store: MessageStore) -> UInt64 {
        if let k = known(i) { return k }
        let k = Self.compute(i, store: store)
        remember(i, k, count: store.count)
        return k
    }

    /// Computes the keys of `indices` not known yet (on the calling thread, e.g. a background one).
    public func warm(_ indices: [Int], store: MessageStore) {
        for i in indices where known(i) == nil { remember(i, Self.compute(i, store: store), count: store.count) }
    }

    private func known(_ i: Int) -> UInt64? {
        lock.lock(); defer { lock.unlock() }
        return i < keys.count && keys[i] != 0 ? keys[i] : nil
    }

    private func remember(_ i: Int, _ k: UInt64, count: Int) {
        lock.lock(); defer { lock.unlock() }
        if i >= keys.count { keys += Array(repeating: 0, count: max(count, i + 1) - keys.count) }
        keys[i] = k
    }

    /// The key of message `i`: a hash of its word tokens (never 0).
    static func compute(_ i: Int, store: MessageStore) -> UInt64 {
        var h = FNV1a()
        for t in Tokenizer.tokenize(store.text(i)) where t.kind == .word {
            h.combine(t.text.utf8)
            h.combine(CollectionOfOne(0x20))
        }
        return h.value == 0 ? 1 : h.value
    }
}
