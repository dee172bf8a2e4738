import Foundation
import Testing
import TestSupport

/// The limit (`l`) and "why not" (`w`) in tmux on the bundled sample.
@Suite("Limit and why-not end to end in tmux", .serialized)
struct LimitWhyNotEndToEndTests {
    @Test("l and a phrase list only the pending messages containing it; a decision counts one fewer; l again shows all")
    func limitToAPhrase() throws {
        let session = try SampleSession("dyad-e2e-limit", arguments: ["--cycle-length", "200"])
        let (sample, analyst) = (session.sample, session.analyst)
        let phrase = "parcel"
        let expected = sample.text.values.filter { $0.lowercased().contains(phrase) }.count
        try #require(expected >= 3, "the sample needs messages about parcels")
        _ = try analyst.idle()
        try analyst.press("l")
        try analyst.waitFor("limit to messages containing:")
        try analyst.type(phrase)
        try analyst.press("Enter")
        var screen = try analyst.waitFor("Limit “\(phrase)” · \(expected) to go")
        // The message shown contains the phrase.
        let id = try #require(Analyst.messageID(screen))
        let text = try #require(sample.text[id])
        #expect(text.lowercased().contains(phrase), "\(id) is outside the limit:\n\(screen)")
        let gold = try #require(sample.gold[id])
        _ = try analyst.decide(try #require(sample.key(of: gold)), expecting: gold)
        screen = try analyst.waitFor("Limit “\(phrase)” · \(expected - 1) to go")
        try analyst.press("l")
        screen = try analyst.waitFor("limit to “\(phrase)” cleared")
        #expect(Analyst.firstMatch(#"Queue (\d+)/\d+ · "#, in: screen) != nil, "the whole queue is not back:\n\(screen)")
    }

    @Test("w and a label weigh the model's label against it on the model line, until w again")
    func whyNotALabel() throws {
        let session = try SampleSession("dyad-e2e-whynot", arguments: ["--cycle-length", "200"])
        let (sample, analyst) = (session.sample, session.analyst)
        try session.teach(6)
        let screen = try analyst.idle()
        let top = try #require(Analyst.modelLabel(screen))
        let rival = try #require(sample.labels.first { $0 != top })
        try analyst.press("w")
        try analyst.waitFor("Why not")
        try analyst.type(rival)
        try analyst.press("Enter")
        try analyst.waitFor("why not \(rival)")
        try analyst.press("w")
        let off = try analyst.waitFor("reasons against \(rival) off")
        #expect(!off.contains("why not \(rival) "), "\(off)")
    }
}
