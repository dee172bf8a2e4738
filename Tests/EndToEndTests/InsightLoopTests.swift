import Foundation
import Testing
import TestSupport

/// The reciprocal loop of issue 6 played at the keyboard in tmux on the sample data:
/// open Clusters, label one member and bulk-label the rest of a cluster, create a label
/// from another cluster (named and keyed), accept a lexicon suggestion, resolve a review
/// item (the one member, which the machine doubts; the analyst keeps its label), close a
/// cycle on demand, see it all in the Cycles view — then read the journal.
@Suite("Insight loop end to end in tmux", .serialized)
struct InsightLoopTests {
    /// What the session did, for the checks at the end.
    struct Done {
        /// The cluster member the analyst labeled on its own (fraud, unlike the rest of its cluster).
        var memberID = ""
        var bulkCluster = 0, bulkSize = 0
        var newCluster = 0, newSize = 0
        var accepted = ""
        /// Label events in the cycle: the member, the bulk, the new label's bulk, the review answer.
        var decisions: Int { 1 + (bulkSize - 1) + newSize + 1 }
    }

    @Test("clusters, a new label, a lexicon suggestion and a review answer show in the cycle report, the Cycles view and the journal")
    func insightLoop() throws {
        let binary = try TestSupport.dyadBinary()
        let sample = try SampleSet()
        let heldOut = TestSupport.packageRoot.appendingPathComponent("SampleData/heldout.jsonl")
        let folder = TestSupport.tempDir("dyad-e2e-insight")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A long cycle, so that only `C` closes it.
        let analyst = try Analyst(binary: binary, file: sample.url, folder: folder, workspace: "ws",
                                  arguments: ["--cycle-length", "200", "--held-out", heldOut.path])
        var done = Done()
        try Self.bulkLabel(analyst, sample, &done)
        try Self.labelFromCluster(analyst, &done)
        try Self.acceptSuggestion(analyst, &done)
        try Self.resolveReview(analyst, done)
        try Self.closeCycle(analyst, done)

        try analyst.press("q")
        #expect(try analyst.tmux.exitStatus(timeout: 30) == 0)
        analyst.tmux.kill()
        try Self.checkJournal(folder.appendingPathComponent("ws"), binary: binary, done)
    }

    // MARK: Steps

    /// `c`, pick the Velora cluster, open it, label its first member fraud, `Esc`, bulk-label the rest phishing.
    static func bulkLabel(_ a: Analyst, _ sample: SampleSet, _ done: inout Done) throws {
        try a.press("c")
        try a.tmux.waitUntil("the cluster list", timeout: 90) { !InsightScreen.clusterRows($0).isEmpty }
        let target = try select(unlabeledClusterAbout: "velora", a)
        done.bulkCluster = target.id
        done.bulkSize = target.size
        try a.press("Enter")
        try a.press(try #require(sample.key(of: "fraud")))
        let member = try a.waitForSave()
        done.memberID = try #require(Analyst.firstMatch(#"^(\S+) → fraud$"#, in: member.text), "one member labeled: \(member.text)")
        try a.press("Escape")
        try a.press(try #require(sample.key(of: "phishing")))
        // One key does not relabel a cluster: it asks, with what the model says of its messages.
        try a.waitFor("\(target.size - 1) messages of cluster \(target.id) → phishing? y/Enter yes")
        try a.press("y")
        #expect(try a.waitForSave().text == "\(target.size - 1) messages → phishing")
        let screen = try a.tmux.waitUntil("cluster #\(target.id) labeled phishing and fraud", timeout: 90) { s in
            InsightScreen.clusterRows(s).contains { $0.id == target.id && $0.unlabeledPercent == 0
                && $0.rest.contains("· phishing \(target.size - 1), fraud 1") }
        }
        // ✓ labeled, ! labeled but doubted by the review check (the fraud member may already be).
        let marks = InsightScreen.lines(screen).filter { $0.contains("││✓") || $0.contains("││!") }.count
        #expect(marks == target.size, "every member is marked labeled:\n\(screen)")
    }

    /// `+` on the Frostbyte cluster: name the label, change its key from the offered one to 9, Enter.
    static func labelFromCluster(_ a: Analyst, _ done: inout Done) throws {
        let target = try select(unlabeledClusterAbout: "frostbyte", a)
        done.newCluster = target.id
        done.newSize = target.size
        try a.press("+")
        try a.waitFor("name for a new label from cluster \(target.id): ")
        try a.type("ransomware")
        try a.waitFor("cluster \(target.id): ransomware")
        try a.press("Enter")
        var screen = try a.waitFor("key for ransomware: ")
        #expect(screen.contains("key for ransomware: 8"), "the next free key is offered:\n\(screen)")
        try a.press("9")
        try a.waitFor("key for ransomware: 9")
        try a.press("Enter")
        #expect(try a.waitForSave().text == "\(target.size) messages → ransomware")
        screen = try a.tmux.waitUntil("ransomware on key 9 and on cluster #\(target.id)", timeout: 90) { s in
            InsightScreen.labelBar(s).contains("9 ransomware")
                && InsightScreen.clusterRows(s).contains { $0.id == target.id && $0.rest.contains("· ransomware \(target.size)") }
        }
        #expect(!InsightScreen.labelBar(screen).contains("8 ransomware"))
    }

    /// `x`, once the model is idle: accept the machine's first suggestion for the new label with `A`.
    static func acceptSuggestion(_ a: Analyst, _ done: inout Done) throws {
        try a.press("T")
        try a.idle(timeout: 120)
        try a.press("x")
        let screen = try a.tmux.waitUntil("suggestions for ransomware", timeout: 90) { s in
            InsightScreen.lexiconRows(s).contains { $0.isSuggestion && $0.label == "ransomware" }
        }
        let rows = InsightScreen.lexiconRows(screen)
        #expect(Set(rows.map(\.label)).isSubset(of: ["phishing", "fraud", "ransomware"]),
                "suggestions only for labels in use:\n\(screen)")
        let k = try #require(rows.firstIndex { $0.isSuggestion && $0.label == "ransomware" })
        for _ in 0..<k { try a.press("j") }
        try a.press("A")
        done.accepted = rows[k].term
        #expect(try a.waitForSave().text == "add “\(rows[k].term)” for ransomware")
        try a.tmux.waitUntil("“\(rows[k].term)” accepted into the lexicon", timeout: 20) { s in
            InsightScreen.lexiconRows(s).contains { $0 == .init(label: "ransomware", term: rows[k].term, author: "machine (accepted)") }
        }
    }

    /// `R`: the fraud member is doubted (model: phishing); move to it, Enter keeps fraud; it leaves the queue for good.
    static func resolveReview(_ a: Analyst, _ done: Done) throws {
        try a.press("R")
        // The row and the detail under the list: a capture can land in the middle of one redraw.
        var screen = try a.tmux.waitUntil("\(done.memberID) in the review queue, with its detail", timeout: 120) { s in
            InsightScreen.reviewRows(s).contains { $0.id == done.memberID } && s.contains("trained without it, the model says")
                && s.contains("why    for ")
        }
        let rows = InsightScreen.reviewRows(screen)
        let k = try #require(rows.firstIndex { $0.id == done.memberID })
        // The detail under the list gives the evidence: the held-out verdict, its reasons, the messages like it.
        #expect(screen.contains("trained without it, the model says"), "review detail:\n\(screen)")
        #expect(screen.contains("why    for "), "review detail:\n\(screen)")
        #expect(rows[k] == .init(id: done.memberID, given: "fraud", suggested: "phishing"), "review row: \(rows[k])")
        for _ in 0..<k { try a.press("j") }
        try a.press("Enter")
        #expect(try a.waitForSave().text == "\(done.memberID) → fraud")
        screen = try a.tmux.waitUntil("\(done.memberID) gone from the review queue") { s in
            !InsightScreen.reviewRows(s).contains { $0.id == done.memberID }
        }
        // Insight recomputed after the answer still doubts the label; the answered item stays out.
        try a.press("T")
        try a.idle(timeout: 120)
        try a.press("R")
        screen = try a.settled()
        #expect(!InsightScreen.reviewRows(screen).contains { $0.id == done.memberID }, "the answered item is back:\n\(screen)")
    }

    /// `C`: the report names the decisions, the new label and the accepted suggestion; any key closes it; `Y` lists the cycle.
    static func closeCycle(_ a: Analyst, _ done: Done) throws {
        try a.press("C")
        var screen = try a.waitFor("Cycle 1 closed", timeout: 30)
        // The cluster's bulk label and the new label's members were given at once.
        #expect(screen.contains("decisions \(done.decisions) (") && screen.contains("of them at once, not in the agreement) ·"),
                "cycle report:\n\(screen)")
        #expect(screen.contains("phishing \(done.bulkSize - 1)") && screen.contains("ransomware \(done.newSize)")
                && screen.contains("fraud 2"), "per label (the member twice, the bulk, the new label):\n\(screen)")
        #expect(screen.contains("lexicon changes: 0 by you, 1 machine suggestions accepted"), "cycle report:\n\(screen)")
        #expect(screen.contains("held-out macro-F1"), "cycle report:\n\(screen)")
        #expect(screen.contains("weakest on the held-out file: "), "cycle report:\n\(screen)")
        try a.press("Escape")
        try a.tmux.waitUntil("the cycle report closed") { !$0.contains("Cycle 1 closed") }
        try a.press("Y")
        screen = try a.waitFor("Cycles — 1 closed, cycle 2 open (0/200)")
        let row = try #require(InsightScreen.cycleRows(screen).first { $0.number == 1 }, "no row for cycle 1:\n\(screen)")
        #expect(row.decisions == done.decisions)
        #expect(row.lexicon == "0/1", "lexicon changes human/machine")
        #expect(Double(row.heldOutF1) != nil, "held-out F1 of cycle 1: \(row.heldOutF1)")
        #expect(screen.contains("weakest labels   "), "the Cycles view names the weakest labels:\n\(screen)")
    }

    // MARK: Journal

    /// Every step left its record: cluster label, bulk labels, the keyed label, the machine's term, the review answer, the cycle.
    static func checkJournal(_ ws: URL, binary: URL, _ done: Done) throws {
        let verify = try Spawn.run(binary.path, ["journal", "verify", "--workspace", ws.path])
        #expect(verify.status == 0, "dyad journal verify: \(verify.output)\(verify.error)")
        let journal = try JournalFile(workspace: ws)
        let labels = journal.of("label")
        let member = labels.first { $0.data["message_id"] as? String == done.memberID && $0.data["origin"] as? String == "cluster" }
        #expect(member?.data["label"] as? String == "fraud", "the member labeled in the open cluster")
        let bulks = journal.of("bulk_label")
        #expect(bulks.count == 2)
        let phishing = bulks.first { $0.data["cluster"] as? Int == done.bulkCluster }
        #expect(phishing?.data["label"] as? String == "phishing")
        #expect((phishing?.data["message_ids"] as? [String])?.count == done.bulkSize - 1)
        #expect((phishing?.data["message_ids"] as? [String])?.contains(done.memberID) == false, "the bulk skips the labeled member")
        let defined = journal.of("label_defined").first { $0.data["name"] as? String == "ransomware" }
        #expect(defined?.data["key"] as? String == "9")
        #expect(defined?.data["description"] as? String == "from cluster \(done.newCluster)")
        let fresh = bulks.first { $0.data["cluster"] as? Int == done.newCluster }
        #expect(fresh?.data["label"] as? String == "ransomware")
        #expect((fresh?.data["message_ids"] as? [String])?.count == done.newSize)
        #expect((defined?.seq ?? .max) < (fresh?.seq ?? 0), "the label is defined before it is used")
        let lexicon = journal.of("lexicon")
        #expect(lexicon.count == 1)
        #expect(lexicon.first.map { $0.data["op"] as? String == "add" && $0.data["author"] as? String == "machine"
            && $0.data["term"] as? String == done.accepted && $0.data["label"] as? String == "ransomware" } == true,
                "lexicon record: \(lexicon.first?.data ?? [:])")
        let answer = labels.last { $0.data["origin"] as? String == "review" }
        #expect(answer?.data["message_id"] as? String == done.memberID && answer?.data["label"] as? String == "fraud")
        let cycles = journal.of("cycle_closed")
        #expect(cycles.count == 1)
        let m = try #require(cycles.first?.data)
        #expect(m["number"] as? Int == 1 && m["decisions"] as? Int == done.decisions)
        #expect((m["lexicon_changes"] as? [String: Int])?["machine"] == 1)
        let perLabel = m["per_label"] as? [String: Int] ?? [:]
        #expect(perLabel == ["phishing": done.bulkSize - 1, "ransomware": done.newSize, "fraud": 2], "per_label: \(perLabel)")
        #expect(m["held_out_macro_f1"] as? Double != nil && m["agreement"] as? Double != nil)
        #expect((cycles.first?.seq ?? 0) > (answer?.seq ?? .max), "the cycle closes after the review answer")
    }

    // MARK: Helpers

    /// Finds the cluster with no label whose top terms include `term` and moves the cursor to it.
    static func select(unlabeledClusterAbout term: String, _ a: Analyst) throws -> InsightScreen.ClusterRow {
        let screen = try a.settled()
        let row = try #require(InsightScreen.clusterRows(screen).first { $0.has(term) && $0.unlabeledPercent == 100 },
                               "no unlabeled cluster about \(term):\n\(screen)")
        try select(cluster: row.id, a)
        return row
    }

    /// Moves the cluster cursor (j/k) until the detail pane shows cluster `id`.
    static func select(cluster id: Int, _ a: Analyst) throws {
        for _ in 0..<80 {
            let screen = try a.settled()
            let shown = try #require(InsightScreen.shownCluster(screen), "no cluster detail pane:\n\(screen)")
            if shown == id { return }
            let order = InsightScreen.clusterRows(screen).map(\.id)
            let down = (order.firstIndex(of: id) ?? id) > (order.firstIndex(of: shown) ?? shown)
            try a.press(down ? "j" : "k")
            try a.tmux.waitUntil("the cursor to leave cluster #\(shown)") { InsightScreen.shownCluster($0) != shown }
        }
        Issue.record("could not reach cluster #\(id)")
    }
}
