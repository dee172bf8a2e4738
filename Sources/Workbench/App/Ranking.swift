import Core

/// A full ranking of the queue computed in the background: a verdict for every
/// message and the order they are shown in.
public struct Ranking: Sendable {
    /// Verdict per message index.
    public var scores: [Scored]
    /// Message indices in display order.
    public var queue: [Int]
    /// Position of each message in `queue`.
    public var position: [Int32]
    /// Model generation the scores come from.
    public var generation: Int32
    /// Version of the queue book the order was computed from.
    public var bookVersion: Int
    /// Messages whose top label differs from the previous verdict.
    public var flips: Int
    /// Seconds the worker took (featurizing, scoring, sorting).
    public var seconds: Double
}

/// What the ranking worker needs from the main loop for one ranking: a snapshot.
struct RankRequest: Sendable {
    var book: QueueBook
    var strategy: QueueStrategy
    var seed: UInt64
    var generation: Int32
}
