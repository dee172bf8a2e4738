/// One short text to be triaged: a post, chat line, mail or report sentence.
///
/// `gold` is a reference label shipped with the data (used by `demo`, `eval`
/// and held-out scoring), never shown to the model as a decision.
public struct Message: Sendable, Equatable, Hashable {
    /// Stable identifier, kept from the input or derived from the content.
    public var id: String
    /// The message text (valid Unicode; invalid bytes were replaced on import).
    public var text: String
    /// Reference label from the input file, if any.
    public var gold: String?
    /// Time stamp as written in the input (ISO 8601 preferred), if any.
    public var ts: String?
    /// Where the message came from (forum, mail, chat…), if known.
    public var source: String?
    /// Any other metadata, flattened to strings.
    public var meta: [String: String]

    /// Creates a message.
    public init(id: String, text: String, gold: String? = nil, ts: String? = nil,
                source: String? = nil, meta: [String: String] = [:]) {
        self.id = id
        self.text = text
        self.gold = gold
        self.ts = ts
        self.source = source
        self.meta = meta
    }
}
