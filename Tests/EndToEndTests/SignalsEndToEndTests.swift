import Foundation
import Testing
import TestSupport

/// The Signals view in tmux on the bundled sample: the June "ParkSmart-Pay" campaign
/// surfaces as the strongest emerging term, Enter shows one of its messages in
/// triage, and a digit on the term labels its recent messages at once.
@Suite("Signals end to end in tmux", .serialized)
struct SignalsEndToEndTests {
    @Test("e lists the campaign's term first; Enter shows its message in triage; a digit labels its messages at once")
    func campaignInSignals() throws {
        // A long cycle, so the bulk label's saved marker is not replaced by a cycle report.
        let session = try SampleSession("dyad-e2e-signals", arguments: ["--cycle-length", "200"])
        let (sample, analyst) = (session.sample, session.analyst)
        try analyst.press("e")
        var screen = try analyst.tmux.waitUntil("emerging terms in the Signals view", timeout: 90) { $0.contains("new  parksmart") }
        let first = screen.split(separator: "\n").first { $0.contains("│new  ") }.map(String.init) ?? ""
        #expect(first.contains("new  parksmart"), "the campaign's term comes first:\n\(screen)")

        try analyst.press("Enter")
        screen = try analyst.waitFor(" Dyad │ triage")
        let id = try #require(Analyst.messageID(screen))
        #expect(sample.text[id]?.lowercased().contains("parksmart") == true, "\(id) does not carry the term")

        try analyst.press("e")
        try analyst.waitFor("“parksmart” — its recent messages")
        let phishing = try #require(sample.key(of: "phishing"))
        try analyst.press(phishing)
        try analyst.waitFor("with “parksmart” → phishing? y/Enter yes")
        try analyst.press("y")
        let saved = try analyst.waitForSave()
        #expect(saved.text.hasSuffix("messages → phishing"), "one bulk label: \(saved.text)")
        let count = Int(saved.text.split(separator: " ").first ?? "") ?? 0
        #expect(count >= 10, "the campaign's recent messages: \(saved.text)")
    }
}
