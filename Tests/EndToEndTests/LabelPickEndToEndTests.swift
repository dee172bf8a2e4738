import Foundation
import Testing
import TestSupport

/// Fourteen labels (the ATT&CK tactics) in tmux: key 0 gives the tenth, and the
/// picker (`p`, type, Enter) gives the ones no digit reaches.
@Suite("Label picker end to end in tmux", .serialized)
struct LabelPickEndToEndTests {
    static let tactics = ["collection", "command-and-control", "credential-access", "defense-evasion", "discovery",
                          "execution", "exfiltration", "impact", "initial-access", "lateral-movement", "persistence",
                          "privilege-escalation", "reconnaissance", "resource-development"]

    @Test("key 0 and the picker label messages with the tenth and the fourteenth label; the label bar says how")
    func fourteenLabels() throws {
        let binary = try TestSupport.dyadBinary()
        let folder = TestSupport.tempDir("dyad-e2e-pick")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tactics.jsonl")
        var lines: [String] = []
        for (k, t) in Self.tactics.enumerated() {
            for j in 0..<3 {
                lines.append(#"{"id": "t\#(k)-\#(j)", "text": "procedure \#(j) of tactic \#(t.replacingOccurrences(of: "-", with: " "))", "label": "\#(t)"}"#)
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

        let analyst = try Analyst(binary: binary, file: file, folder: folder, workspace: "ws")
        let screen = try analyst.settled()
        #expect(screen.contains("0 lateral") && (screen.contains("+4 (p)") || screen.contains("more: p picks")),
                "the label bar does not show key 0 and how to reach the rest:\n\(screen)")

        _ = try analyst.decide("0", expecting: "lateral-movement")

        let id = try #require(Analyst.messageID(try analyst.idle()))
        try analyst.press("p")
        try analyst.waitFor("Pick a label · 14 of 14")
        try analyst.type("reso")
        try analyst.waitFor("label: reso▏ → resource-development")
        try analyst.press("Enter")
        let saved = try analyst.waitForSave()
        #expect(saved.text == "\(id) → resource-development", "the picker saved “\(saved.text)”")

        // Esc leaves the picker without a decision.
        try analyst.press("p")
        try analyst.waitFor("Pick a label")
        try analyst.press("Escape")
        let after = try analyst.idle()
        #expect(!after.contains("Pick a label"), "Esc left the picker open:\n\(after)")
        #expect(Analyst.labeledCount(after) == 2)
    }
}
