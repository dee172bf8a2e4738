import Testing
@testable import Core

@Suite struct ExplanationByTokenTests {
    /// "the" used twice is one word in a list, its two weights summed, at its first use; the sum is kept.
    @Test func repeatedTokensMergeAtTheirFirstOccurrence() {
        let e = Explanation(target: "a", rival: "b", scoreDifference: 1.5, bias: 0.25, contributions: [
            TokenContribution(token: "the", range: 10..<13, weight: 0.5),
            TokenContribution(token: "machine", range: 0..<7, weight: 0.25),
            TokenContribution(token: "the", range: 20..<23, weight: 0.75),
            TokenContribution(token: "wire", range: 14..<18, weight: -0.25),
        ])
        let m = e.byToken()
        #expect(m.contributions.map(\.token) == ["machine", "the", "wire"])
        #expect(m.contributions[1] == TokenContribution(token: "the", range: 10..<13, weight: 1.25))
        #expect(m.bias + m.contributions.map(\.weight).reduce(0, +) == e.bias + e.contributions.map(\.weight).reduce(0, +))
        #expect(m.supporting(2).map(\.token) == ["the", "machine"])
        #expect(m.opposing(5).map(\.token) == ["wire"])
    }
}
