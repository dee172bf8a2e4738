import Core

/// Triage limited to the messages whose text (or id) contains a phrase (`l`, like mutt's
/// limit), and whose source contains the word after `source:` if the query has one
/// (`source:paste combo`): the query and, per message, whether it matches — found once when
/// the limit is set, so moving under the limit never searches texts again.
public struct QueueLimit: Sendable, Equatable {
    /// The phrase, as typed.
    public let query: String
    /// Per message index, whether it contains `query` (case- and diacritic-insensitive).
    public let matches: [Bool]
    /// How many messages match, in any state.
    public let total: Int
    /// What the message pane highlights under the limit (the phrase; empty for a cluster's members).
    public let highlight: String

    /// The limit named `query`, with its matches per message.
    public init(query: String, matches: [Bool], highlight: String = "") {
        self.query = query
        self.matches = matches
        self.highlight = highlight
        total = matches.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// The limit to the members of a cluster (`l` in the Clusters view), named after it.
    public static func members(_ members: [Int], name: String, count: Int) -> QueueLimit {
        var mask = [Bool](repeating: false, count: count)
        for i in members where i >= 0 && i < count { mask[i] = true }
        return QueueLimit(query: name, matches: mask)
    }

    /// A limit's query taken apart: the `source:` word, if any, and the phrase (the rest).
    public struct Pattern: Equatable, Sendable {
        /// What the message's source must contain (lower-cased), if anything.
        public var source: String?
        /// What its text or id must contain; empty: anything.
        public var phrase: String
    }

    /// `source:paste combo list` → source "paste", phrase "combo list"; the field name is case-insensitive.
    public static func pattern(_ query: String) -> Pattern {
        var source: String?
        var words: [Substring] = []
        for w in query.split(separator: " ", omittingEmptySubsequences: true) {
            if w.lowercased().hasPrefix("source:"), w.count > 7 {
                source = String(w.dropFirst(7)).lowercased()
            } else {
                words.append(w)
            }
        }
        return Pattern(source: source, phrase: words.joined(separator: " "))
    }

    /// The limit to `query` over `store`: each message tested once, on every core.
    public static func find(_ query: String, in store: MessageStore) -> QueueLimit {
        let p = pattern(query)
        let search = p.phrase.isEmpty ? nil : MessageSearch(p.phrase)
        let source = p.source
        let matches = MessageSearch.matchSet(count: store.count) { i in
            if let source, store.source(i)?.lowercased().contains(source) != true { return false }
            return search?.matches(store, i) ?? true
        }
        return QueueLimit(query: query, matches: matches, highlight: p.phrase)
    }
}
