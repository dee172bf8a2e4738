import Foundation
import Testing
import TestSupport

/// The analyst's main job played at the keyboard in tmux (issue 5, item 6):
/// label, undo, skip, search, switch the order, add a label, boost and
/// suppress a word, quit, restart — then check the screen and `dyad export`.
@Suite("Triage end to end in tmux", .serialized)
struct TriageTests {
    @Test("an analyst's session: exactly the expected decisions survive a restart, highlights are drawn, agreement moves")
    func analystSession() throws {
        let binary = try TestSupport.dyadBinary()
        let sample = try SampleSet()
        #expect(sample.labels == ["benign", "data-leak", "fraud", "hacking-service", "malware", "phishing", "vulnerability"])
        let folder = TestSupport.tempDir("dyad-e2e-triage")
        defer { try? FileManager.default.removeItem(at: folder) }

        var decisions: [Analyst.Decision] = []
        let analyst = try Analyst(binary: binary, file: sample.url, folder: folder, workspace: "ws")
        var screen = try analyst.settled()
        #expect(Analyst.labeledCount(screen) == 0, "a fresh workspace starts with 0 labeled:\n\(screen)")
        #expect(screen.contains("0/\(sample.count) labeled"))
        for (k, label) in sample.labels.enumerated() {
            #expect(screen.contains("\(k + 1) \(label)"), "label bar lacks \(k + 1) \(label)")
        }

        // Seven decisions with number keys (the gold label of the message shown), three with Enter (the model's label).
        for _ in 0..<7 {
            let shown = try analyst.idle()
            let id = try #require(Analyst.messageID(shown))
            let label = try #require(sample.gold[id], "message \(id) is not in the sample")
            decisions.append(try analyst.decide(try #require(sample.key(of: label)), expecting: label))
        }
        for _ in 0..<3 {
            let shown = try analyst.idle()
            let model = try #require(Analyst.modelLabel(shown), "no model label in the Message pane:\n\(shown)")
            decisions.append(try analyst.decide("Enter", expecting: model))
        }
        screen = try analyst.idle()
        #expect(Analyst.labeledCount(screen) == 10, "header after ten decisions:\n\(Analyst.header(screen))")
        #expect(Set(decisions.map(\.id)).count == 10, "each decision went to a new message")
        try TriageTests.saveScreen(screen)

        // Highlights: the `why` words are drawn with their styles in the message text.
        try TriageTests.checkHighlights(try analyst.settledStyled())

        // Undo twice: the last two decisions go, and the undone message is shown again.
        for _ in 0..<2 {
            let last = decisions.removeLast()
            try analyst.press("u")
            let saved = try analyst.waitForSave()
            #expect(saved.text == "undid \(last.id) → \(last.label)")
            screen = try analyst.idle()
            #expect(Analyst.messageID(screen) == last.id, "after undoing \(last.id) the Message pane shows \(Analyst.messageID(screen) ?? "nothing")")
        }
        #expect(Analyst.labeledCount(screen) == 8)

        // Skip one: no decision, and the next message comes up.
        let skippedID = try #require(Analyst.messageID(try analyst.idle()))
        try analyst.press("s")
        #expect(try analyst.waitForSave().text == "skipped \(skippedID)")
        screen = try analyst.idle()
        #expect(Analyst.labeledCount(screen) == 8)
        #expect(Analyst.messageID(screen) != skippedID, "after skipping \(skippedID) the same message is still shown")

        // Search: `/invoice` Enter finds a message, `n` the next one; the match is highlighted; label the second.
        let query = "invoice"
        try analyst.press("/")
        try analyst.waitFor("search: ")
        try analyst.type(query)
        try analyst.waitFor("search: \(query)")
        try analyst.press("Enter")
        screen = try analyst.waitFor("match “\(query)” at row")
        let firstMatch = try #require(Analyst.messageID(screen))
        #expect(sample.text[firstMatch]?.lowercased().contains(query) == true, "\(firstMatch) does not contain \(query)")
        try TriageTests.checkMatchHighlight(try analyst.settledStyled(), query: query)
        let firstRow = Analyst.firstMatch(#"match “invoice” at row (\d+)"#, in: screen)
        try analyst.press("n")
        screen = try analyst.tmux.waitUntil("the next match") { s in
            Analyst.firstMatch(#"match “invoice” at row (\d+)"#, in: s).map { $0 != firstRow } ?? false
        }
        screen = try analyst.settled()
        let secondMatch = try #require(Analyst.messageID(screen))
        #expect(secondMatch != firstMatch)
        #expect(sample.text[secondMatch]?.lowercased().contains(query) == true, "\(secondMatch) does not contain \(query)")
        let secondGold = try #require(sample.gold[secondMatch])
        decisions.append(try analyst.decide(try #require(sample.key(of: secondGold)), expecting: secondGold))

        // Switch the queue order: the header follows.
        screen = try analyst.settled()
        let orderBefore = Analyst.order(screen)
        try analyst.press("o")
        screen = try analyst.waitFor("queue order: ")
        #expect(orderBefore == "margin")
        #expect(Analyst.order(screen) == "entropy", "header after o: \(Analyst.header(screen))")

        // Add a label without leaving the view, then use it.
        try analyst.press("L")
        try analyst.waitFor("new label name: ")
        try analyst.type("ransomware")
        try analyst.waitFor("new label name: ransomware")
        try analyst.press("Enter")
        try analyst.waitFor("key for ransomware: 8")
        try analyst.type("8")
        try analyst.press("Enter")
        #expect(try analyst.waitForSave().text == "label ransomware on key 8")
        screen = try analyst.settled()
        #expect(screen.contains("8 ransomware"), "label bar lacks 8 ransomware")
        decisions.append(try analyst.decide("8", expecting: "ransomware"))

        // Term mode: the cursor word is drawn differently; boost it for phishing, then move right and suppress another word.
        // (An analyst picks a message with a few influential words: j until the why line shows three.)
        screen = try analyst.idle()
        for _ in 0..<30 {
            let why = Analyst.why(screen)
            if why.supporting.count + why.opposing.count >= 3 { break }
            let id = Analyst.messageID(screen)
            try analyst.press("j")
            try analyst.tmux.waitUntil("the next message") { Analyst.messageID($0) != id }
            screen = try analyst.idle()
        }
        let termMessage = try #require(Analyst.messageID(screen))
        let normal = try analyst.settledStyled()
        try analyst.press("t")
        try analyst.waitFor("term mode: ")
        let cursorRuns = try analyst.styled("the term-mode cursor on a word") { !$0.changedBodyRuns(from: normal).isEmpty }
            .changedBodyRuns(from: normal)
        #expect(cursorRuns.count == 1, "term mode should restyle exactly one word; restyled: \(cursorRuns)")
        try analyst.press("b")
        screen = try analyst.waitFor("for which label?")
        let boosted = try #require(Analyst.firstMatch(#"boost “(.+?)” for which label"#, in: screen))
        #expect(cursorRuns.first.map { TriageTests.sameWord($0, boosted) } == true,
                "the term-mode cursor was on \(cursorRuns), the boost prompt names \(boosted)")
        try analyst.press(try #require(sample.key(of: "phishing")))
        #expect(try analyst.waitForSave().text == "boost “\(boosted)” for phishing")
        // Term mode goes on after a boost (several words in one go); Esc leaves it.
        try analyst.press("Escape")
        screen = try analyst.idle()
        #expect(Analyst.messageID(screen) == termMessage, "boosting a word moved the Message pane from \(termMessage) to \(Analyst.messageID(screen) ?? "nothing")")
        let afterBoost = try analyst.settledStyled()
        try analyst.press("t")
        try analyst.waitFor("term mode: ")
        var onWord = try analyst.styled("the term-mode cursor on a word") { !$0.changedBodyRuns(from: afterBoost).isEmpty }
            .changedBodyRuns(from: afterBoost)
        var moves = 0
        repeat {
            let previous = onWord
            try analyst.press("Right")
            moves += 1
            onWord = try analyst.styled("the term-mode cursor to move right from \(previous)") { $0.changedBodyRuns(from: afterBoost) != previous }
                .changedBodyRuns(from: afterBoost)
        } while onWord.allSatisfy({ TriageTests.sameWord($0, boosted) }) && moves < 12
        try analyst.press("z")
        let suppressedText = try analyst.waitForSave().text
        let suppressed = try #require(Analyst.firstMatch(#"^suppress “(.+?)”$"#, in: suppressedText), "flash after z: \(suppressedText)")
        #expect(suppressed != boosted, "Right should move to another word than \(boosted)")
        #expect(onWord.contains { TriageTests.sameWord($0, suppressed) }, "the cursor was on \(onWord), z suppressed \(suppressed)")
        screen = try analyst.idle()
        #expect(Analyst.messageID(screen) == termMessage, "suppressing a word moved the Message pane away from \(termMessage)")
        let why = Analyst.why(screen)
        #expect(!why.supporting.contains(suppressed) && !why.opposing.contains(suppressed), "suppressed \(suppressed) still explains: \(why)")

        // The model's agreement figure moved during the session.
        #expect(Set(analyst.agreeSeen).count >= 2, "the header's agree figure never changed: \(analyst.agreeSeen)")
        let finalAgree = try #require(Analyst.agreement(screen), "no agree figure in the header: \(Analyst.header(screen))")

        // Note the model's verdict on the message taught about, to compare after the restart.
        let termVerdict = try #require(Analyst.verdict(screen), "no verdict for \(termMessage):\n\(screen)")
        let snippet = try #require(sample.uniqueSnippet(of: termMessage), "no unique piece of text in \(termMessage)")

        // Quit: exit status 0 and every decision saved.
        let expected = TriageTests.fold(decisions)
        try analyst.press("q")
        #expect(try analyst.tmux.exitStatus(timeout: 15) == 0)
        screen = try analyst.tmux.capture()
        #expect(screen.contains("dyad: \(expected.count) decisions saved in"), "goodbye line:\n\(screen)")
        analyst.tmux.kill()

        // Restart on the same workspace (same order): the same decisions, label, lexicon, agreement and model.
        let again = try Analyst(binary: binary, file: sample.url, folder: folder, workspace: "ws", arguments: ["--strategy", "entropy"])
        screen = try again.idle()
        #expect(Analyst.order(screen) == "entropy", "--strategy entropy: \(Analyst.header(screen))")
        #expect(Analyst.labeledCount(screen) == expected.count, "after restart: \(Analyst.header(screen))")
        #expect(Analyst.agreement(screen) == finalAgree, "agreement before quit \(finalAgree), after restart \(Analyst.agreement(screen) ?? "none")")
        #expect(screen.contains("8 ransomware"))
        try again.press("/")
        try again.waitFor("search: ")
        try again.type(snippet)
        try again.press("Enter")
        try again.tmux.waitUntil("\(termMessage) found by “\(snippet)”") { Analyst.messageID($0) == termMessage }
        screen = try again.idle()
        #expect(Analyst.verdict(screen) == termVerdict,
                "the model differs after the restart: \(termMessage) was \(termVerdict), now \(Analyst.verdict(screen) ?? "no verdict")")
        try again.press("x")
        screen = try again.waitFor("Lexicon")
        #expect(screen.contains("\(boosted) [boosted]"), "lexicon lacks the boosted \(boosted):\n\(screen)")
        #expect(screen.contains("\(suppressed) [suppressed]"), "lexicon lacks the suppressed \(suppressed):\n\(screen)")
        try again.press("q")
        #expect(try again.tmux.exitStatus(timeout: 15) == 0)
        again.tmux.kill()

        // `dyad export`: exactly the expected decisions.
        let exported = try TriageTests.export(binary: binary, workspace: folder.appendingPathComponent("ws"), file: sample.url)
        #expect(exported.mapValues(\.label) == expected.mapValues(\.label), "export differs from the decisions made")
        for (id, d) in expected { #expect(exported[id]?.seq == d.seq, "export seq of \(id)") }
        #expect(exported[skippedID] == nil || expected[skippedID] != nil, "the skipped message \(skippedID) was exported")
    }

    // MARK: Checks

    /// Supporting (and opposing, when shown) words of the `why` line carry their style in the message text.
    static func checkHighlights(_ styled: StyledScreen) throws {
        let why = Analyst.why(styled.plain)
        let word = try #require(why.supporting.first, "no supporting words in the why line:\n\(styled.plain)")
        let supporting = try #require(styled.whyStyle(of: word, prefix: "+"), "no styled +\(word) in the why line")
        #expect(!supporting.isPlain, "+\(word) is drawn without any SGR attributes")
        let runs = styled.bodyRuns(with: supporting).map { $0.lowercased() }
        #expect(runs.contains { run in why.supporting.contains { run == $0.lowercased() || run.contains($0.lowercased()) } },
                "no supporting word (\(why.supporting)) is highlighted in the text with \(supporting); runs: \(runs)")
        if let opposingWord = why.opposing.first, let opposing = styled.whyStyle(of: opposingWord, prefix: "−") {
            #expect(opposing != supporting && !opposing.isPlain, "opposing words look like supporting ones")
            let oruns = styled.bodyRuns(with: opposing).map { $0.lowercased() }
            #expect(oruns.contains { run in why.opposing.contains { run == $0.lowercased() || run.contains($0.lowercased()) } },
                    "no opposing word (\(why.opposing)) is highlighted in the text with \(opposing); runs: \(oruns)")
        }
    }

    /// The search query is drawn in a style of its own in the message text.
    static func checkMatchHighlight(_ styled: StyledScreen, query: String) throws {
        let styles = Set(styled.messageBodyRows.flatMap { styled.messageCells($0).map(\.style) })
        let matching = styles.filter { s in !s.isPlain && styled.bodyRuns(with: s).contains { $0.lowercased() == query } }
        #expect(!matching.isEmpty, "“\(query)” is not highlighted in the message text:\n\(styled.plain)")
    }

    // MARK: Helpers

    /// Whether text drawn on screen and a model token name the same word (case aside; tokens may be normalized).
    static func sameWord(_ shown: String, _ token: String) -> Bool {
        let a = shown.lowercased(), b = token.lowercased()
        return !a.isEmpty && !b.isEmpty && (a == b || a.contains(b) || b.contains(a))
    }

    /// The latest decision per message, as the journal folds them.
    static func fold(_ decisions: [Analyst.Decision]) -> [String: Analyst.Decision] {
        var out: [String: Analyst.Decision] = [:]
        for d in decisions.sorted(by: { $0.seq < $1.seq }) { out[d.id] = d }
        return out
    }

    /// Runs `dyad export --format jsonl`; returns label and seq per message id.
    static func export(binary: URL, workspace: URL, file: URL) throws -> [String: (label: String, seq: Int)] {
        let p = Process()
        p.executableURL = binary
        p.arguments = ["export", "--workspace", workspace.path, "--format", "jsonl", file.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "dyad export failed (\(p.terminationStatus)): \(errors)")
        var rows: [String: (label: String, seq: Int)] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
            let id = try #require(o["id"] as? String), label = try #require(o["label"] as? String)
            #expect(rows[id] == nil, "\(id) exported twice")
            rows[id] = (label, (o["seq"] as? Int) ?? -1)
        }
        return rows
    }

    /// Writes the plain triage screen to `.build/triage-screen.txt` for the closing note.
    static func saveScreen(_ screen: String) throws {
        let dir = TestSupport.packageRoot.appendingPathComponent(".build")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try screen.write(to: dir.appendingPathComponent("triage-screen.txt"), atomically: true, encoding: .utf8)
    }
}
