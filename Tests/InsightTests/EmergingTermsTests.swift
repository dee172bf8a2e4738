import Core
import Testing
@testable import Insight

@Suite struct EmergingTermsTests {
    /// 180 baseline topic messages, then 20 recent ones of which 12 carry `qakbot`.
    func corpus() -> [String] {
        var texts = Fixtures.topicTexts(perTopic: 60).map(\.text)
        var rng = SeededGenerator(seed: 9)
        texts.shuffle(using: &rng)
        let recent = Fixtures.topicTexts(perTopic: 7, seed: 4).map(\.text).prefix(20)
        for (i, t) in recent.enumerated() { texts.append(i % 5 < 3 ? t + " qakbot" : t) }
        return texts
    }

    @Test func plantedTermFoundByArrivalOrder() throws {
        let texts = corpus()
        let idx = TermIndex(store: Fixtures.store(texts), tokenize: Fixtures.words)
        let found = EmergingTerms().find(idx, store: Fixtures.store(texts))
        let first = try #require(found.first)
        #expect(first.term == "qakbot")
        #expect(first.recentCount == 12)
        #expect(first.baselineCount == 0)
        #expect(first.messageIndices == (180..<200).filter { ($0 - 180) % 5 < 3 })
        #expect(found.count == 1)
    }

    @Test func aJumpThatCouldBeChanceIsLeftOut() throws {
        // `local`: 3 of the 20 recent messages and 6 of the 180 before — four times the rate, but G² ≈ 4.
        var texts = corpus()
        for i in [5, 40, 77, 100, 130, 170, 182, 188, 195] { texts[i] += " local" }
        let store = Fixtures.store(texts)
        let idx = TermIndex(store: store, tokenize: Fixtures.words)
        let weak = try #require(EmergingTerms(minGSquared: 0).find(idx, store: store).first { $0.term == "local" })
        #expect(weak.score < 6.63 && weak.recentCount == 3)
        let found = EmergingTerms().find(idx, store: store)
        #expect(found.map(\.term) == ["qakbot"], "\(found.map { ($0.term, $0.score) })")
    }

    @Test func timeStampsOverrideArrivalOrder() throws {
        // Same messages, arrival order reversed; time stamps keep the real order.
        let texts = corpus()
        let n = texts.count
        let ts: [String?] = (0..<n).map { i in
            let day = 1 + (n - 1 - i) / 10, hour = (n - 1 - i) % 10
            return "2026-06-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):00:00Z"
        }
        let reversed = Fixtures.store(Array(texts.reversed()), ts: ts)
        let idx = TermIndex(store: reversed, tokenize: Fixtures.words)
        let first = try #require(EmergingTerms().find(idx, store: reversed).first)
        #expect(first.term == "qakbot")
        #expect(first.messageIndices.count == 12)
        #expect(first.messageIndices.allSatisfy { $0 < 20 })
    }

    @Test func windowSelectsRecentByTime() {
        let texts = ["alpha beta", "alpha beta", "alpha gamma", "gamma delta", "gamma delta", "gamma delta"]
        let ts: [String?] = ["2026-01-01", "2026-01-02", "2026-01-03", "2026-06-01", "2026-06-02", "2026-06-03"]
        let store = Fixtures.store(texts, ts: ts)
        let idx = TermIndex(store: store, tokenize: Fixtures.words)
        // Six messages are too few for any jump to be significant: the G² floor is off here.
        let found = EmergingTerms(window: 7 * 86_400, minRecentCount: 2, minScore: 0.5, minGSquared: 0).find(idx, store: store)
        #expect(found.map(\.term) == ["delta", "gamma"])
    }

    @Test func parsesTimeStamps() {
        #expect(Timestamp.seconds("1970-01-02") == 86_400)
        #expect(Timestamp.seconds("1970-01-01T01:00:00Z") == 3_600)
        #expect(Timestamp.seconds("1970-01-01T01:00:00+01:00") == 0)
        #expect(Timestamp.seconds("1970-01-01 00:00:01.5") == 1.5)
        #expect(Timestamp.seconds("1717200000000") == 1_717_200_000)
        #expect(Timestamp.seconds("yesterday") == nil)
        let a = Timestamp.seconds("2026-06-03T10:00Z"), b = Timestamp.seconds("2026-05-31T23:59:59Z")
        #expect((a ?? 0) > (b ?? 0))
    }
}
