import Foundation
import Testing
import TestSupport

/// The queue focus in tmux on the bundled sample: `f` lists each label with the
/// pending messages the model gives it, the queue then lists only those, Enter
/// confirms the model's label, `V` then `y` the whole page, and `f` again shows the
/// whole queue.
@Suite("Queue focus end to end in tmux", .serialized)
struct FocusEndToEndTests {
    @Test("f and a label narrow the queue to that model label; Enter confirms one, V y the page; f shows all again")
    func focusOnAModelLabel() throws {
        // A long cycle, so no cycle report covers the queue.
        let session = try SampleSession("dyad-e2e-focus", arguments: ["--cycle-length", "200"])
        let (sample, analyst) = (session.sample, session.analyst)
        try session.teach(8)
        _ = try analyst.idle()

        try analyst.press("f")
        let picker = try analyst.waitFor("Focus on a model label")
        // Each label's row ends with the count of pending messages the model gives it.
        var counts: [String: Int] = [:]
        for label in sample.labels {
            if let n = Analyst.firstMatch(#"\d? \#(label)\s+(\d+) pending"#, in: picker).flatMap({ Int($0) }) { counts[label] = n }
        }
        #expect(counts.count == sample.labels.count, "a label's pending count is missing:\n\(picker)")
        let (label, count) = try #require(counts.max { $0.value < $1.value })
        try #require(count >= 2, "the model gives every label fewer than two messages:\n\(picker)")
        try analyst.type(label)
        try analyst.press("Enter")
        var screen = try analyst.waitFor("Focus \(label) · \(count) to go")
        // Every row of the queue pane is a message the model calls `label`.
        let rows = screen.split(separator: "\n").filter { $0.hasPrefix("│·  ") }.map { String($0.prefix(14)) }
        #expect(rows.count == min(count, rows.count) && !rows.isEmpty, "\(screen)")
        for row in rows { #expect(row.contains(String(label.prefix(8))), "a row outside the focus: \(row)\n\(screen)") }
        #expect(Analyst.modelLabel(screen) == label, "the message shown is not in focus:\n\(screen)")

        // Enter confirms the model's label and the focus counts one fewer (or ends).
        let id = try #require(Analyst.messageID(screen))
        try analyst.press("Enter")
        let saved = try analyst.waitForSave()
        #expect(saved.text.hasPrefix("\(id) → \(label)"), "Enter saved “\(saved.text)”")
        screen = try analyst.idle()
        #expect(screen.contains("Focus \(label) · ") || saved.text.contains("focus cleared"), "\(screen)")

        // V asks before giving the page shown the focused label; y does it in one journaled event.
        if screen.contains("Focus \(label) · ") {
            try analyst.press("V")
            try analyst.waitFor("messages shown → \(label)? y/Enter yes")
            try analyst.press("y")
            let page = try analyst.waitForSave()
            #expect(page.text.hasSuffix("messages → \(label)") || page.text.contains("messages → \(label) ·"), "V y saved “\(page.text)”")
            screen = try analyst.idle()
        }
        if !screen.contains("Focus \(label) · ") {
            // The page held every message left in focus: the focus ended by itself.
            return
        }
        try analyst.press("f")
        screen = try analyst.waitFor("focus on \(label) cleared")
        #expect(Analyst.firstMatch(#"Queue (\d+)/\d+ · "#, in: screen) != nil, "the whole queue is not back:\n\(screen)")
    }
}
