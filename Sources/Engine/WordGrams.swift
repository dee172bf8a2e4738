/// The distinct character n-gram slots of each word seen, computed once per word.
///
/// Messages share most of their words, so a caller splitting very many of them
/// (`Classifier.splitFeatures(_:words:)`) hashes each word's n-grams the first time
/// only. Words get ids in order of first sight. Not thread-safe: one per thread.
public final class WordGrams {
    /// Unigram key of each word, by id.
    public private(set) var keys: [UInt64] = []
    /// Start of each word's slots in `slots`, plus the end.
    public private(set) var starts: [UInt32] = [0]
    /// The n-gram slots of every word, word after word.
    public private(set) var slots: [UInt32] = []
    private var ids: [UInt64: UInt32] = [:]

    /// An empty memo, with room for about `expectedWords` words.
    public init(expectedWords: Int = 0) {
        ids.reserveCapacity(expectedWords)
        keys.reserveCapacity(expectedWords)
        starts.reserveCapacity(expectedWords + 1)
        slots.reserveCapacity(expectedWords * 14)
    }

    /// Number of words.
    public var count: Int { keys.count }

    /// The id of the word with unigram key `key` and text `text`, its slots computed by
    /// `model` on first sight.
    func id(_ key: UInt64, text: String, model: Classifier) -> UInt32 {
        if let id = ids[key] { return id }
        let id = UInt32(keys.count)
        ids[key] = id
        keys.append(key)
        slots += model.charGramSlots(ofWord: text)
        starts.append(UInt32(slots.count))
        return id
    }
}
