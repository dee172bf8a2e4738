/// One token's exact contribution to a prediction.
public struct TokenContribution: Sendable, Equatable {
    /// The normalized token (what the model sees), e.g. `paypal`, `cve-2024-1234`.
    public var token: String
    /// UTF-8 byte range of the token in the original text.
    public var range: Range<Int>
    /// Signed contribution: score(target) - score(rival) due to this token.
    public var weight: Double

    /// Creates a contribution.
    public init(token: String, range: Range<Int>, weight: Double) {
        self.token = token
        self.range = range
        self.weight = weight
    }

    /// One contribution per distinct token — its occurrences' weights summed, at its first
    /// occurrence — in text order: what a list of words shows ("the" once, not once per use).
    public static func byToken(_ cs: [TokenContribution]) -> [TokenContribution] {
        var first: [String: Int] = [:]
        var out: [TokenContribution] = []
        for c in cs.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let k = first[c.token] {
                out[k].weight += c.weight
            } else {
                first[c.token] = out.count
                out.append(c)
            }
        }
        return out
    }
}

/// Why the model preferred one label over another for one message.
///
/// For a linear model this is exact: `bias + sum(contributions) == scoreDifference`.
public struct Explanation: Sendable, Equatable {
    /// The label explained (usually the top label).
    public var target: String
    /// The label it is compared with (usually the runner-up).
    public var rival: String?
    /// score(target) - score(rival).
    public var scoreDifference: Double
    /// Part of the difference not tied to any token (bias, prior).
    public var bias: Double
    /// Per-token contributions, in text order.
    public var contributions: [TokenContribution]

    /// Creates an explanation.
    public init(target: String, rival: String?, scoreDifference: Double, bias: Double,
                contributions: [TokenContribution]) {
        self.target = target
        self.rival = rival
        self.scoreDifference = scoreDifference
        self.bias = bias
        self.contributions = contributions
    }

    /// The same explanation with one contribution per distinct token (`TokenContribution.byToken`);
    /// the sum, and so exactness, is unchanged.
    public func byToken() -> Explanation {
        Explanation(target: target, rival: rival, scoreDifference: scoreDifference, bias: bias,
                    contributions: TokenContribution.byToken(contributions))
    }

    /// The `n` tokens that most support the target, strongest first.
    public func supporting(_ n: Int) -> [TokenContribution] {
        Array(contributions.filter { $0.weight > 0 }.sorted { $0.weight > $1.weight }.prefix(n))
    }

    /// The `n` tokens that most oppose the target, strongest first.
    public func opposing(_ n: Int) -> [TokenContribution] {
        Array(contributions.filter { $0.weight < 0 }.sorted { $0.weight < $1.weight }.prefix(n))
    }
}
