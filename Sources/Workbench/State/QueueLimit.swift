/// Triage limited to the messages whose text (or id) contains a phrase (`l`, like mutt's
/// limit): the phrase and, per message, whether it matches — found once when the limit is
/// set, so moving under the limit never searches texts again.
public struct QueueLimit: Sendable {
    /// The phrase, as typed.
    public let query: String
    /// Per message index, whether it contains `query` (case- and diacritic-insensitive).
    public let matches: [Bool]
    /// How many messages match, in any state.
    public let total: Int

    /// The limit to `query`, with its matches per message.
    public init(query: String, matches: [Bool]) {
        self.query = query
        self.matches = matches
        total = matches.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}
