import Core

/// A bulk label waiting for the analyst's yes: the focused page (`V`), a cluster's pending
/// messages or an emerging term's (a digit in Clusters or Signals). One key must not relabel a
/// class by accident, so each asks first, with the model's view of the messages.
public struct BulkAsk: Sendable, Equatable {
    /// The label every message gets.
    public var label: String
    /// The messages (store indices); those decided meanwhile are left out when it is done.
    public var messages: [Int]
    /// The cluster they came from, if any (journaled with the bulk label).
    public var cluster: Int?
    /// Where the analyst asked for it.
    public var origin: DecisionOrigin
    /// Which messages, as the prompt says it: `shown`, `of cluster 3`, `with “parksmart”`.
    public var what: String

    /// Creates a pending bulk label.
    public init(label: String, messages: [Int], cluster: Int? = nil, origin: DecisionOrigin, what: String) {
        self.label = label
        self.messages = messages
        self.cluster = cluster
        self.origin = origin
        self.what = what
    }
}
