import Core
import Testing
@testable import Engine

@Suite struct ExplanationTests {
    /// bias + contributions == scoreDifference, and it matches the model's own scores.
    func checkExact(_ c: Classifier, _ text: String, target: String? = nil, rival: String? = nil) throws {
        let e = try #require(c.explain(text, target: target, rival: rival))
        let sum = e.bias + e.contributions.map(\.weight).reduce(0, +)
        #expect(sum == e.scoreDifference)
        let scores = c.scores(text)
        let ti = try #require(c.labels.firstIndex(of: e.target))
        let rival = try #require(e.rival)
        let ri = try #require(c.labels.firstIndex(of: rival))
        #expect(abs((scores[ti] - scores[ri]) - e.scoreDifference) < 1e-4)
    }

    @Test func contributionsSumToScoreDifference() throws {
        var c = Fixtures.trained()
        c.addLexiconTerm("bitcoin", label: "ransomware")
        c.boost(term: "verify", label: "phishing")
        for text in ["urgent: verify bitcoin wallet password", "meeting about the ransomware report",
                     "verify verify verify", "東京 👍 cafe\u{301} hxxp://evil[.]com/x"] {
            try checkExact(c, text)
            try checkExact(c, text, target: "benign")
            try checkExact(c, text, target: "benign", rival: "ransomware")
        }
    }

    @Test func defaultsAreTopVersusRunnerUpWithRanges() throws {
        let c = Fixtures.trained()
        let text = "Please VERIFY your password"
        let p = c.predict(text)
        let e = try #require(c.explain(text))
        #expect(e.target == p.top)
        #expect(e.rival == p.runnerUp)
        #expect(e.scoreDifference > 0)
        #expect(e.contributions.map(\.token) == ["please", "verify", "your", "password"])
        let verify = try #require(e.contributions.first { $0.token == "verify" })
        #expect(slice(text, verify.range) == "VERIFY")
        #expect(e.supporting(1).first?.weight ?? 0 > 0)
    }
}
