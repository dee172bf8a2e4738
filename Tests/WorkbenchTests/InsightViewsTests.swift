import Core
import Insight
import Journal
import Terminal
import Testing
@testable import Workbench

/// The keys of the Clusters and Review views, on insight handed in directly.
@Suite("Clusters and review views")
struct InsightViewsTests {
    /// One cluster of messages 4, 5 and 9 (the benign ones), and `review` as the finder's answer.
    static func summary(review: [InsightSummary.ReviewInfo] = []) -> InsightSummary {
        var s = InsightSummary()
        s.clusters = [.init(id: 7, size: 3, topTerms: ["office"], labelMix: [:], unlabeledShare: 1, meanConfidence: nil,
                            members: [4, 5, 9], boundary: [])]
        s.review = review
        return s
    }

    /// In the Clusters view on `summary()`: `+`, types `office`, Enter. Returns the number of records before.
    static func nameClusterLabel(_ app: App, _ sink: MemorySink) -> Int {
        app.press(.char("c"))
        app.dispatch(.insightReady(summary()))
        let before = sink.records.count
        app.press(.char("+"))
        app.type("office")
        app.press(.enter)
        return before
    }

    @Test func aLabelFromAClusterIsNamedThenKeyedThenLabelsTheCluster() throws {
        let (app, backend, sink) = Fixtures.app()
        let before = Self.nameClusterLabel(app, sink)
        #expect(app.state.mode == .addLabel(.key(name: "office", key: "4", cluster: 7)), "Enter asks for the key")
        #expect(backend.lines.contains { $0.contains("key for office: 4") && $0.contains("labels cluster 7") })
        #expect(sink.records.count == before, "nothing is journaled before the key")
        app.press(.char("7"), .enter)
        let events = sink.records.suffix(2).map(\.event)
        #expect(events.first == .labelDefined(name: "office", key: "7", description: "from cluster 7"))
        let ids = [4, 5, 9].map { app.state.store.id($0) }
        #expect(events.last == .bulkLabel(BulkLabel(label: "office", messageIDs: ids, cluster: 7, origin: .cluster)))
        #expect(app.state.journal.labels.label(forKey: "7") == "office")
    }

    @Test func aTakenKeyAddsNeitherTheLabelNorTheBulkLabel() {
        let (app, _, sink) = Fixtures.app()
        let before = Self.nameClusterLabel(app, sink)
        app.press(.backspace, .char("1"), .enter)
        #expect(sink.records.count == before)
        #expect(app.state.flash?.text == "key 1 is taken by phishing; label not added")
    }

    @Test func keptOrChangedReviewItemsLeaveTheQueueAndStayOut() throws {
        let (app, _, sink) = Fixtures.app()
        app.press(.char("1"), .char("3"))
        let decided = sink.records.compactMap { r -> LabelDecision? in
            if case .label(let d) = r.event { return d }
            return nil
        }
        let items = decided.map { d in
            InsightSummary.ReviewInfo(index: app.state.store.index(ofID: d.messageID) ?? -1, given: d.label,
                                      suggested: d.label == "phishing" ? "benign" : "phishing", confidence: 0.8)
        }
        app.press(.char("R"))
        app.dispatch(.insightReady(Self.summary(review: items)))
        #expect(app.state.insight?.review.count == 2)

        app.press(.enter)  // keeps the first item's label
        guard case .label(let kept)? = sink.records.last?.event else { Issue.record("Enter journals nothing"); return }
        #expect(kept.origin == .review && kept.label == items[0].given)
        #expect(app.state.insight?.review.map(\.index) == [items[1].index])
        app.press(.char("2"))  // changes the second one to data-leak
        guard case .label(let changed)? = sink.records.last?.event else { Issue.record("2 journals nothing"); return }
        #expect(changed.origin == .review && changed.label == "data-leak")
        #expect(app.state.insight?.review.isEmpty == true)

        // The finder, run again on the same labels, doubts them again: they stay resolved.
        app.dispatch(.insightReady(Self.summary(review: items)))
        #expect(app.state.insight?.review.isEmpty == true)
        #expect(app.state.flagged.isEmpty)
    }

    @Test func reviewDetailShowsTheReasonsAndTheMessagesLikeIt() throws {
        let (app, backend, _) = Fixtures.app(width: 120, height: 40)
        app.press(.char("2"))  // m01 (a phishing message) labeled data-leak
        let index = try #require(app.state.store.index(ofID: "m01"))
        let text = app.state.store.text(index)
        let paypal = try #require(text.range(of: "PayPal"))
        let range = text.utf8.distance(from: text.startIndex, to: paypal.lowerBound)..<text.utf8.distance(from: text.startIndex, to: paypal.upperBound)
        let item = InsightSummary.ReviewInfo(
            index: index, given: "data-leak", suggested: "phishing", confidence: 0.83,
            reasons: [TokenContribution(token: "paypal", range: range, weight: 0.9)],
            neighbours: [.init(messageIndex: 7, label: "phishing", similarity: 0.41), .init(messageIndex: 2, label: "data-leak", similarity: 0.12)])
        app.press(.char("R"))
        app.dispatch(.insightReady(Self.summary(review: [item])))
        app.draw()
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Decision m01"))
        #expect(screen.contains("trained without it, the model says phishing  83%"))
        #expect(screen.contains("why    for phishing: +paypal"))
        #expect(screen.contains("       for data-leak: —"), "the analyst's side has a line of its own")
        // The detail reaches the bottom of the view: no blank rows under it.
        #expect(backend.lines[backend.lines.count - 3].hasPrefix("└"), "\(backend.lines.suffix(5))")
        #expect(screen.contains("0.41  phishing  Account suspended!"))
        #expect(screen.contains("0.12  data-leak  Selling fresh combo list"))
    }

    @Test func reviewListLeavesOutIdsTooLongToReadAndShowsShortOnes() throws {
        let (app, _, _) = Fixtures.app(width: 120, height: 30)
        var s = app.state
        let item = InsightSummary.ReviewInfo(index: 2, given: "data-leak", suggested: "phishing", confidence: 0.7, reasons: [], neighbours: [])
        s.insight = Self.summary(review: [item])
        s.view = .review
        func row(_ s: AppState) throws -> String {
            let screen = Renderer.render(s, size: Size(width: 120, height: 30)).0
            return try #require(screen.lines.first { $0.contains("▸ ") })
        }
        #expect(try row(s).contains("▸ m03"), "a short id keeps its column")
        // ATT&CK-like ids: a shared prefix, then a uuid.
        var long = MessageStore()
        for (k, m) in Fixtures.messages.enumerated() {
            long.append(Message(id: "relationship--\(k)e3afacc-85c0-49a3-ae44-0a57c7ee0427", text: m.0, gold: m.1))
        }
        s.store = long
        let r = try row(s)
        #expect(!r.contains("0a57c7ee"), "a uuid column: \(r)")
        #expect(r.contains("▸ data-leak"), "\(r)")
    }

    @Test func clusterDetailShowsWhatTheModelCallsTheMembersAndEachLabel() throws {
        let (app, backend, _) = Fixtures.app(width: 120, height: 30)
        // Teach the model with three decisions: decided members show their label, the others the model's guess.
        app.press(.char("1"), .char("2"), .char("3"))
        let mix = ClustersView.modelMix(app.state, [4, 5, 9])
        #expect(!mix.isEmpty)
        #expect(abs(mix.reduce(0) { $0 + $1.share } - 1) < 1e-9)
        #expect(mix.map(\.share) == mix.map(\.share).sorted(by: >))
        app.press(.char("c"))
        app.dispatch(.insightReady(Self.summary()))
        app.draw()
        let screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("model says  \(mix[0].label)  \(Text.percent(mix[0].share))"))
        #expect(screen.contains("★ typical"))
        for i in [4, 5, 9] {
            let words = app.state.store.text(i).split(separator: " ").prefix(3).joined(separator: " ")
            let line = try #require(backend.lines.first { $0.contains(words) }, "member \(i) is listed")
            if let given = app.state.journal.decisions[app.state.store.id(i)]?.label {
                #expect(line.contains("✓") && line.contains(given) && !line.contains("?"), "a decision shows its label: \(line)")
            } else {
                #expect(line.contains("?"), "a guess is marked: \(line)")
            }
        }
        // Opening the cluster gives its members the wider side of the screen.
        let closedWidth = try #require(backend.lines[1].firstIndex(of: "┐")).utf16Offset(in: backend.lines[1])
        app.press(.enter)
        let openWidth = try #require(backend.lines[1].firstIndex(of: "┐")).utf16Offset(in: backend.lines[1])
        #expect(openWidth < closedWidth, "the list narrows when a cluster is open: \(closedWidth) → \(openWidth)")
    }

    @Test("a lexicon suggestion's support is said in full where it fits and shortened, never cut, where it does not")
    func lexiconSupportFitsTheWidth() {
        for (width, expected) in [(120, "in 4 of your phishing messages"), (64, "in 4 of yours")] {
            let (app, backend, _) = Fixtures.app(width: width, height: 20)
            var summary = Self.summary()
            summary.suggestions = [.init(term: "verify", label: "phishing", weight: 0.8, delta: 0.1, support: 4)]
            app.press(.char("x"))
            app.dispatch(.insightReady(summary))
            app.draw()
            let row = backend.lines.first { $0.contains("verify") } ?? ""
            #expect(row.contains(expected), "width \(width): \(row)")
        }
    }

    @Test func triageKeyFromAClusterMemberOrAReviewItemShowsThatMessage() throws {
        let (app, _, _) = Fixtures.app(width: 120, height: 30)
        app.press(.char("c"))
        app.dispatch(.insightReady(Self.summary()))
        app.press(.enter, .char("j"))  // the cluster's second member: message 5
        app.press(.char("T"))
        #expect(app.state.view == .triage)
        #expect(app.state.selected == 5)
        #expect(app.state.flash?.text == "\(app.state.store.id(5)) at row \(app.state.cursor + 1) of the queue")
        app.press(.char("1"))  // label 4 … then review it
        let decided = try #require(app.state.journal.decisions.keys.first)
        let index = try #require(app.state.store.index(ofID: decided))
        app.press(.char("R"))
        app.dispatch(.insightReady(Self.summary(review: [.init(index: index, given: "phishing", suggested: "benign", confidence: 0.7)])))
        app.press(.char("T"))
        #expect(app.state.selected == index)
        // From the cluster list (no member open) the cursor stays where it was.
        let before = app.state.cursor
        app.press(.char("c"))
        app.dispatch(.insightReady(Self.summary()))
        app.press(.char("T"))
        #expect(app.state.cursor == before)
    }

    @Test func signalsViewListsEmergingTermsThenAnomaliesAndLabelsAnAnomalyWhereItIsShown() throws {
        let (app, backend, sink) = Fixtures.app(width: 120, height: 30)
        var summary = Self.summary()
        summary.emerging = [.init(term: "combo", score: 12, messages: [2, 8])]
        summary.anomalies = [.init(index: 6, score: 0.4, reason: "far from every cluster")]
        app.press(.char("e"))
        #expect(app.state.view == .signals)
        app.dispatch(.insightReady(summary))
        app.draw()
        var screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Signals — 1 emerging term · 1 anomaly"))
        #expect(screen.contains("new  combo  2 recent · G² 12"))
        #expect(screen.contains("2 recent messages, far more than before (G² 12)"))
        #expect(screen.contains("Enter shows one · l limits to them · a digit labels them"))
        #expect(screen.contains("“combo” — its recent messages"))
        // A digit on an emerging term asks, then labels its undecided recent messages at once (one bulk_label).
        let asked = sink.records.count
        app.press(.char("1"))
        #expect(sink.records.count == asked, "nothing is labeled before the yes")
        screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("2 messages with “combo” → phishing? y/Enter yes, other keys no"), "\(screen)")
        app.press(.char("y"))
        guard case .bulkLabel(let bulk)? = sink.records.last?.event else { Issue.record("no bulk label"); return }
        #expect(bulk.label == "phishing" && bulk.cluster == nil)
        #expect(Set(bulk.messageIDs) == [app.state.store.id(2), app.state.store.id(8)])
        let before = sink.records.count
        app.press(.char("1"))
        #expect(sink.records.count == before, "nothing left to label")
        #expect(app.state.flash?.text == "every recent message with “combo” is labeled already")
        // On the anomaly: its text and reason, and a digit labels it with origin `signals`.
        app.press(.char("j"))
        screen = backend.lines.joined(separator: "\n")
        #expect(screen.contains("Anomaly m07") && screen.contains("why: far from every cluster"))
        app.press(.char("2"))
        guard case .label(let d)? = sink.records.last?.event else { Issue.record("no label event"); return }
        #expect(d.messageID == "m07" && d.label == "data-leak" && d.origin == .signals)
        // T goes back to triage where it was; Enter on the emerging term shows its first message there.
        let place = app.state.selected
        app.press(.char("k"), .char("T"))
        #expect(app.state.view == .triage && app.state.selected == place, "T keeps the triage place")
        app.press(.char("e"), .enter)
        #expect(app.state.view == .triage)
        #expect(app.state.selected == 2)
    }
}
