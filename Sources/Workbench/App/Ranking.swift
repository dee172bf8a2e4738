import Core
import Engine
import Insight

/// A full ranking of the queue computed in the background: a verdict for every
/// message and the order of the pending ones.
public struct Ranking: Sendable {
    /// Verdict per message index, handed over once to the key loop (which takes it without a copy).
    public var scores: Handoff<[Scored]>
    /// The messages pending when the ranking was asked for, by priority, head last (as `QueueRows` keeps them),
    /// and each message's place in that array (-1: not in it), handed over once so the queue adopts
    /// both without a pass over a million messages or a copy.
    public var order: Handoff<PendingOrder>
    /// Model generation the scores come from.
    public var generation: Int32
    /// Version of the queue book the order was computed from.
    public var bookVersion: Int
    /// Messages whose top label differs from the previous verdict.
    public var flips: Int
    /// Seconds the worker took (featurizing, scoring, sorting).
    public var seconds: Double
    /// The ranking model's top terms per label (nil: it had learned nothing).
    public var terms: RankedTerms?
    /// Top-label probability per message (NaN: no label yet), for insight.
    public var confidences: [Float]
}

/// Top terms per label of the model of one generation, read off the ranking worker's replica.
public struct RankedTerms: Sendable, Equatable {
    /// Model generation they were read from.
    public var generation: Int32
    /// Best first, as `Classifier.topTermsByLabel(count: RankedTerms.count)` gives them.
    public var byLabel: [String: [TermWeight]]
    /// Terms kept per label: enough for cycle snapshots and for insight's lexicon suggestions.
    public static let count = max(CycleMetricsBuilder.snapshotTerms, LexiconSuggester().candidates)

    public init(generation: Int32, byLabel: [String: [TermWeight]]) {
        self.generation = generation
        self.byLabel = byLabel
    }

    /// The first `n` terms per label (exactly `topTermsByLabel(count: n)` for `n <= count`).
    public func prefix(_ n: Int) -> [String: [TermWeight]] { byLabel.mapValues { Array($0.prefix(n)) } }
}

/// A value passed once from a background thread to the key loop, so the key loop owns it
/// outright: taking it leaves the box empty, and the taker's copy is the only reference
/// (a later write does not copy the buffer).
///
/// Unchecked `Sendable`: written by one thread before it is delivered through the
/// (locked) inbox, then taken on the key loop only.
public final class Handoff<Value>: @unchecked Sendable {
    private var value: Value?

    public init(_ value: Value) { self.value = value }

    /// The value, or nil when it was taken already.
    public func take() -> Value? {
        let v = value
        value = nil
        return v
    }
}

/// What the ranking worker needs from the main loop for one ranking: a snapshot.
struct RankRequest: Sendable {
    /// Status per message (`QueueBook.status`) when the ranking was asked for.
    var status: [UInt8]
    /// `QueueBook.version` of that status.
    var bookVersion: Int
    var strategy: QueueStrategy
    var seed: UInt64
    var generation: Int32
    /// Priority factor per label of the model (`QueueScorer.rarity`).
    var rarity: [Float] = []
}
