import Core
import Foundation

/// A term whose frequency in recent messages jumps above its baseline.
public struct EmergingTerm: Sendable, Equatable {
    /// The normalized term.
    public var term: String
    /// Evidence of the jump: Dunning's log-likelihood ratio G² of recent vs baseline counts.
    public var score: Double
    /// Smoothed log-ratio of the recent rate over the baseline rate (natural log).
    public var logRatio: Double
    /// Recent messages carrying the term.
    public var recentCount: Int
    /// Earlier (baseline) messages carrying the term.
    public var baselineCount: Int
    /// Indices of the recent messages carrying the term, in time order.
    public var messageIndices: [Int]
}

/// Finds terms that are suddenly frequent: recent rate over baseline rate.
///
/// Messages are put in time order by `ts` when at least half of them have a
/// parseable one (a missing `ts` takes the previous message's), otherwise in
/// arrival order. "Recent" is the last `recentShare` of them, or, with a
/// `window` and time stamps, those within `window` seconds of the newest.
/// For a term in `r` of `R` recent and `b` of `B` baseline messages, a term
/// qualifies when `r >= minRecentCount` and its smoothed log-ratio
/// `ln(((r + 0.5) / (R + 1)) / ((b + 0.5) / (B + 1)))` is at least `minScore`;
/// qualifying terms are ranked by Dunning's G² (log-likelihood ratio of the 2×2
/// table), so a term carried by 26 recent messages outranks one seen 3 times, and
/// a term whose G² is under `minGSquared` (the jump could be chance) is left out.
public struct EmergingTerms: Sendable {
    /// Share of messages (latest in time order) that counts as recent.
    public var recentShare: Double
    /// When set and time stamps exist: messages within this many seconds of the newest are recent.
    public var window: Double?
    /// Fewest recent messages a term must occur in.
    public var minRecentCount: Int
    /// Lowest log-ratio reported (`1` ≈ the recent rate is 2.7 times the baseline).
    public var minScore: Double
    /// Lowest G² reported: 6.63 is the 1 % level of χ² with one degree of freedom, so a
    /// handful of recent uses of a common word ("local", "version") is not called emerging.
    public var minGSquared: Double
    /// Most terms returned.
    public var limit: Int

    /// Creates a detector.
    public init(recentShare: Double = 0.1, window: Double? = nil, minRecentCount: Int = 3,
                minScore: Double = 1, minGSquared: Double = 6.63, limit: Int = 30) {
        self.minGSquared = minGSquared
        self.recentShare = recentShare
        self.window = window
        self.minRecentCount = minRecentCount
        self.minScore = minScore
        self.limit = limit
    }

    /// Emerging terms of the indexed messages, time stamps read from `store`; highest score first.
    public func find(_ index: TermIndex, store: MessageStore) -> [EmergingTerm] {
        find(index, times: (0..<store.count).map { store.ts($0).flatMap(Timestamp.seconds) })
    }

    /// Emerging terms, given each message's time in seconds (nil when unknown).
    func find(_ index: TermIndex, times: [Double?]) -> [EmergingTerm] {
        let (order, recentCount) = split(times: times, count: index.count)
        guard recentCount > 0, recentCount < order.count else { return [] }
        let recent = order[(order.count - recentCount)...]
        var isRecent = [Bool](repeating: false, count: index.count)
        for i in recent { isRecent[i] = true }
        var r = [Int32](repeating: 0, count: index.termCount)
        var b = [Int32](repeating: 0, count: index.termCount)
        for i in 0..<index.count {
            if isRecent[i] {
                for t in index.termIDs(of: i) { r[Int(t)] += 1 }
            } else {
                for t in index.termIDs(of: i) { b[Int(t)] += 1 }
            }
        }
        let bigR = Double(recentCount), bigB = Double(order.count - recentCount)
        var picked: [(id: Int, score: Double, ratio: Double)] = []
        for t in 0..<index.termCount where Int(r[t]) >= minRecentCount {
            let rt = Double(r[t]), bt = Double(b[t])
            let ratio = log(((rt + 0.5) / (bigR + 1)) / ((bt + 0.5) / (bigB + 1)))
            guard ratio >= minScore else { continue }
            let g2 = Self.gSquared(rt, bt, bigR - rt, bigB - bt)
            if g2 >= minGSquared { picked.append((t, g2, ratio)) }
        }
        picked.sort { $0.score != $1.score ? $0.score > $1.score : index.terms[$0.id] < index.terms[$1.id] }
        picked = Array(picked.prefix(limit))
        var carriers = [Int: [Int]]()
        let wanted = Set(picked.map(\.id))
        for i in recent {
            for t in index.termIDs(of: i) where wanted.contains(Int(t)) { carriers[Int(t), default: []].append(i) }
        }
        return picked.map {
            EmergingTerm(term: index.terms[$0.id], score: $0.score, logRatio: $0.ratio, recentCount: Int(r[$0.id]),
                         baselineCount: Int(b[$0.id]), messageIndices: carriers[$0.id] ?? [])
        }
    }

    /// Dunning's G² of the 2×2 table (a, b / c, d): `2 Σ O ln(O / E)`.
    static func gSquared(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        func xlx(_ x: Double) -> Double { x > 0 ? x * log(x) : 0 }
        let n = a + b + c + d
        let g = xlx(a) + xlx(b) + xlx(c) + xlx(d) - xlx(a + b) - xlx(c + d) - xlx(a + c) - xlx(b + d) + xlx(n)
        return max(0, 2 * g)
    }

    /// Messages in time order and how many of the last ones are recent.
    func split(times: [Double?], count n: Int) -> (order: [Int], recent: Int) {
        let known = times.prefix(n).reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        guard known * 2 >= n, n > 0 else {
            return (Array(0..<n), Int((Double(n) * recentShare).rounded(.up)))
        }
        var filled = [Double](repeating: -.infinity, count: n)
        var last = -Double.infinity
        for i in 0..<n {
            if i < times.count, let t = times[i] { last = t }
            filled[i] = last
        }
        let order = (0..<n).sorted { filled[$0] != filled[$1] ? filled[$0] < filled[$1] : $0 < $1 }
        if let window, let newest = order.last.map({ filled[$0] }) {
            let cut = newest - window
            return (order, order.reduce(0) { $0 + (filled[$1] >= cut ? 1 : 0) })
        }
        return (order, Int((Double(n) * recentShare).rounded(.up)))
    }
}
