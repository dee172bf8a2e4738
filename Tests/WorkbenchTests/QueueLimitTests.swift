import Foundation
import Core
import Engine
import Journal
import Terminal
import Testing
@testable import Workbench

/// `l`: triage limited to the messages containing a phrase, alone or with a label focus.
@Suite("Queue limit to a phrase")
struct QueueLimitTests {
    /// Pending messages whose text contains `phrase` (any case), in queue order, found the slow way.
    static func matching(_ s: AppState, _ phrase: String) -> [Int] {
        s.queue.filter { s.book.status(of: $0) == .pending && s.store.text($0).lowercased().contains(phrase.lowercased()) }
    }

    static func limit(_ app: App, to phrase: String) {
        app.press(.char("l"))
        app.type(phrase)
        app.press(.enter)
    }

    @Test func limitShowsOnlyMatchingPendingMessagesAndMovesWithinThem() throws {
        let (app, backend, _) = Fixtures.app(width: 100, height: 30)
        let expected = Self.matching(app.state, "your")
        try #require(expected.count == 4)
        Self.limit(app, to: "your")
        #expect(app.state.limit?.query == "your")
        #expect(app.state.focusCount == 4)
        #expect(app.state.selected == expected[0])
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Limit “your” · 4 to go"), "\(screen)")
        let rows = backend.lines.filter { $0.hasPrefix("│·") }
        #expect(rows.count == 4, "only the four matches show: \(rows)")
        app.press(.char("j"))
        #expect(app.state.selected == expected[1])
        app.press(.char("G"))
        #expect(app.state.selected == expected[3])
        // A decision moves on to the next match and the count goes down.
        app.press(.char("g"), .char("1"))
        #expect(app.state.focusCount == 3)
        #expect(app.state.selected.map { Self.matching(app.state, "your").contains($0) } == true)
        // l again: the whole queue.
        app.press(.char("l"))
        #expect(app.state.limit == nil)
        #expect(backend.lines.contains { $0.contains("Queue ") && $0.contains("to go") })
    }

    @Test func theLimitEndsWhenEveryMatchIsDecided() throws {
        let (app, _, _) = Fixtures.app()
        Self.limit(app, to: "database")
        #expect(app.state.focusCount == 2)
        app.press(.char("2"))
        #expect(app.state.limit != nil)
        app.press(.char("2"))
        #expect(app.state.limit == nil)
        #expect(app.state.focusCount == 0)
        #expect(app.state.flash?.text.hasSuffix(Reducer.focusEndedSuffix) == true, "\(app.state.flash?.text ?? "")")
        // Undo brings the whole queue back, not the limit: it ended.
        app.press(.char("u"))
        #expect(app.state.limit == nil)
    }

    @Test func aPhraseNothingPendingContainsSetsNoLimit() {
        let (app, _, _) = Fixtures.app()
        Self.limit(app, to: "zebra")
        #expect(app.state.limit == nil)
        #expect(app.state.flash?.text.contains("no message matches “zebra”") == true)
        Self.limit(app, to: "   ")
        #expect(app.state.limit == nil)
    }

    @Test func aLabelFocusWithinALimitCountsBothAndLeavesTheLimitWhenItRunsOut() throws {
        let (app, backend, _) = QueueFocusTests.taught()
        Self.limit(app, to: "your")
        let inLimit = Self.matching(app.state, "your")
        try #require(!inLimit.isEmpty)
        // The focus picker counts only what the limit holds.
        app.press(.char("f"))
        guard case .pickLabel(let pick) = app.state.mode, case .focus(let counts) = pick.purpose else {
            Issue.record("f opens no focus picker"); return
        }
        #expect(counts.values.reduce(0, +) == inLimit.count)
        let label = try #require(counts.max { $0.value < $1.value }?.key)
        app.type(label)
        app.press(.enter)
        let both = inLimit.filter { app.state.scores[$0].top == Int32(app.state.model.labels.firstIndex(of: label)!) }
        #expect(app.state.focus == label)
        #expect(app.state.focusCount == both.count)
        let title = QueuePane.focusTitle(app.state, width: 80)
        #expect(title.hasPrefix("Focus \(label) · “your” · \(both.count) to go"), "\(title)")
        #expect(backend.lines.contains { $0.contains("· “your” · \(both.count) to go") }, "\(backend.lines.joined(separator: "\n"))")
        // f again: the limit alone.
        app.press(.char("f"))
        #expect(app.state.focus == nil)
        #expect(app.state.limit != nil)
        #expect(app.state.focusCount == Self.matching(app.state, "your").count)
    }

    @Test func whenTheLabelFocusRunsOutTheLimitStays() throws {
        let (app, _, _) = QueueFocusTests.taught()
        Self.limit(app, to: "e")
        let inLimit = Self.matching(app.state, "e").count
        app.press(.char("f"))
        guard case .pickLabel(let pick) = app.state.mode, case .focus(let counts) = pick.purpose else {
            Issue.record("f opens no focus picker"); return
        }
        // A label holding some, not all, of the limit's messages.
        let (label, n) = try #require(counts.filter { $0.value > 0 && $0.value < inLimit }.min { $0.key < $1.key })
        app.type(label)
        app.press(.enter)
        #expect(app.state.focusCount == n)
        let key = try #require(app.state.journal.labels.active.first { $0.name == label }?.key)
        // Confirm until none is left (each decision re-scores the rest, so it may take more than n).
        var steps = 0
        while app.state.focus != nil, steps < 20 {
            app.press(.char(Character(key)))
            if case .cycleReport = app.state.mode { app.press(.escape) }
            steps += 1
        }
        try #require(steps < 20, "the focus never ran out")
        #expect(app.state.focus == nil)
        #expect(app.state.limit?.query == "e")
        #expect(app.state.focusCount == Self.matching(app.state, "e").count)
        #expect(app.state.focusCount > 0)
        #expect(app.state.flash?.text.contains("\(label) done") == true, "\(app.state.flash?.text ?? "")")
    }

    @Test func aSourceWordLimitsToMessagesFromThatSource() throws {
        #expect(QueueLimit.pattern("source:Paste combo list") == QueueLimit.Pattern(source: "paste", phrase: "combo list"))
        #expect(QueueLimit.pattern("combo") == QueueLimit.Pattern(source: nil, phrase: "combo"))
        #expect(QueueLimit.pattern("source:") == QueueLimit.Pattern(source: nil, phrase: "source:"))
        var store = MessageStore()
        let rows: [(String, String)] = [("combo list for sale", "paste"), ("combo list for sale", "forum"),
                                        ("database dump", "paste"), ("lunch on friday", "mail")]
        for (k, r) in rows.enumerated() { store.append(Message(id: "m\(k)", text: r.0, source: r.1)) }
        #expect(QueueLimit.find("source:paste", in: store).matches == [true, false, true, false])
        #expect(QueueLimit.find("source:PASTE combo", in: store).matches == [true, false, false, false])
        #expect(QueueLimit.find("combo", in: store).matches == [true, true, false, false])
        #expect(QueueLimit.find("source:tele", in: store).total == 0)

        // In triage: the fixture's messages all come from the forum.
        let (app, backend, _) = Fixtures.app()
        Self.limit(app, to: "source:forum your")
        #expect(app.state.limit?.query == "source:forum your")
        #expect(app.state.focusCount == Self.matching(app.state, "your").count)
        #expect(app.state.lastSearch == "your", "the phrase, not the field, is highlighted")
        #expect(backend.lines.contains { $0.contains("Limit “source:forum your”") })
        app.press(.char("l"))
        Self.limit(app, to: "source:mail")
        #expect(app.state.limit == nil)
        #expect(app.state.flash?.text.contains("no message matches") == true)
    }

    /// Turns the loop until no background job is running and nothing is left to deliver.
    static func settle(_ app: App) {
        for _ in 0..<5000 {
            let idle = !app.inbox.isRunning("limit")
            let actions = app.inbox.drain()
            for a in actions { app.dispatch(a) }
            if idle, actions.isEmpty { return }
            usleep(1000)
        }
    }

    @Test func aLargeStoreFindsTheLimitInTheBackground() throws {
        let (app, _, _) = Fixtures.app()
        app.state.syncLimitSize = 2
        Self.limit(app, to: "your")
        #expect(app.state.limit == nil)
        #expect(app.state.pendingLimit == "your")
        #expect(app.state.flash?.text.contains("searching") == true)
        Self.settle(app)
        #expect(app.state.pendingLimit == nil)
        #expect(app.state.limit?.query == "your")
        #expect(app.state.focusCount == 4)

        // l while a search runs cancels it: its matches, when they come, are dropped.
        app.press(.char("l"))
        #expect(app.state.limit == nil)
        Self.limit(app, to: "email")
        #expect(app.state.pendingLimit == "email")
        app.press(.char("l"))
        #expect(app.state.pendingLimit == nil)
        Self.settle(app)
        #expect(app.state.limit == nil, "a cancelled limit came into force")
    }

    @Test func lOnAnEmergingTermOrALexiconTermLimitsTriageToIt() throws {
        let (app, backend, _) = Fixtures.app(width: 120, height: 30)
        var summary = InsightViewsTests.summary()
        summary.emerging = [.init(term: "database", score: 12, messages: [3, 8])]
        app.press(.char("e"))
        app.dispatch(.insightReady(summary))
        app.press(.char("l"))
        #expect(app.state.view == .triage)
        #expect(app.state.limit?.query == "database")
        #expect(app.state.focusCount == 2)
        #expect(backend.lines.contains { $0.contains("Limit “database” · 2 to go") })

        // A lexicon term: the limit moves to it.
        app.perform([.append(.lexicon(LexiconChange(op: .boost, term: "password", label: "benign", author: .human)))])
        app.press(.char("x"))
        let row = try #require(LexiconRows.rows(app.state).firstIndex { $0.term == "password" })
        for _ in 0..<row { app.press(.char("j")) }
        app.press(.char("l"))
        #expect(app.state.view == .triage)
        #expect(app.state.limit?.query == "password")
        #expect(app.state.focusCount == Self.matching(app.state, "password").count)

        // Elsewhere, l says where it works.
        app.press(.char("Y"), .char("l"))
        #expect(app.state.view == .cycles)
        #expect(app.state.flash?.text.contains("on a term in signals or the lexicon") == true)
    }

    @Test func lOnAClusterLimitsTriageToItsMembers() throws {
        let (app, backend, _) = Fixtures.app(width: 120, height: 30)
        app.press(.char("c"))
        app.dispatch(.insightReady(InsightViewsTests.summary()))
        app.press(.char("l"))
        #expect(app.state.view == .triage)
        #expect(app.state.limit?.query == "cluster #7 office")
        #expect(app.state.focusCount == 3)
        #expect(app.state.selected.map { [4, 5, 9].contains($0) } == true)
        #expect(app.state.lastSearch.isEmpty, "a cluster's name is not a phrase to highlight")
        #expect(backend.lines.contains { $0.contains("Limit “cluster #7 office” · 3 to go") })
        // Deciding its members one by one ends the limit.
        for _ in 0..<3 {
            app.press(.char("3"))
            if case .cycleReport = app.state.mode { app.press(.escape) }
        }
        #expect(app.state.limit == nil)
    }

    @Test func movingUnderALimitSearchesNoText() throws {
        // The matches are found once: a limit's membership is a lookup, so the same answer
        // comes from the stored set whatever the text store holds.
        let (app, _, _) = Fixtures.app()
        Self.limit(app, to: "email")
        let set = try #require(app.state.limit?.matches)
        #expect(set.count == app.state.store.count)
        #expect(app.state.limit?.total == 2)
        for i in 0..<app.state.store.count {
            #expect(set[i] == app.state.store.text(i).lowercased().contains("email"))
        }
    }
}
