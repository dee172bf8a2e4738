import Foundation
import Testing
import TestSupport

/// `dyad export` and `dyad report` find the workspace `dyad triage` made beside the messages
/// file, from any folder, and the report goes into the workspace unless told otherwise.
@Suite("Commands find the triage workspace", .serialized)
struct CommandDefaultsTests {
    @Test("after a triage session, export and report need only the messages file")
    func exportAndReportFindTheWorkspace() throws {
        let binary = try TestSupport.dyadBinary()
        let folder = TestSupport.tempDir("dyad-e2e-defaults")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let file = data.appendingPathComponent("threats.jsonl")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("SampleData/threats.jsonl"), to: file)

        // Two decisions in a session with no --workspace: it goes to data/.dyad.
        let q = TmuxSession.quote
        let tmux = try TmuxSession(command: "cd \(q(folder.path)) && \(q(binary.path)) triage data/threats.jsonl", width: 120, height: 35)
        defer { tmux.kill() }
        try tmux.waitUntil("the triage view", timeout: 60) { $0.contains("0/559 labeled") }
        for n in 1...2 {
            try tmux.send(keys: "1")
            try tmux.waitFor("\(n)/559 labeled")
        }
        try tmux.send(keys: "q")
        #expect(try tmux.exitStatus(timeout: 20) == 0)
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent(".dyad/journal.jsonl").path))

        let (exportStatus, exported) = try ReportBrowserTests.run(binary, ["export", "data/threats.jsonl"], in: folder)
        #expect(exportStatus == 0)
        #expect(exported.split(separator: "\n").count == 2, "export:\n\(exported)")
        let (reportStatus, _) = try ReportBrowserTests.run(binary, ["report", "data/threats.jsonl"], in: folder)
        #expect(reportStatus == 0)
        let md = try String(contentsOf: data.appendingPathComponent(".dyad/report/report.md"), encoding: .utf8)
        #expect(md.contains("2 messages labeled"), "\(md.prefix(400))")

        // classify --why-not weighs each message's label against the one named.
        let (classifyStatus, classified) = try ReportBrowserTests.run(
            binary, ["classify", "--workspace", "data/.dyad", "--why-not", "phishing", "data/threats.jsonl"], in: folder)
        #expect(classifyStatus == 0)
        let rows = classified.split(separator: "\n")
        #expect(rows.count == 559)
        for row in rows.prefix(50) {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])
            let why = try #require(o["why_not"] as? [String: Any], "no why_not in \(row)")
            #expect(why["label"] as? String == "phishing")
            #expect(why["probability"] as? Double != nil)
            let words = ((why["for_model"] as? [String]) ?? []) + ((why["for_it"] as? [String]) ?? [])
            if (o["label"] as? String) == "phishing" {
                #expect(words.isEmpty, "its own label needs no why-not: \(row)")
            } else {
                #expect(!words.isEmpty, "no words weigh the two labels: \(row)")
            }
        }
        let (badStatus, _) = try ReportBrowserTests.run(
            binary, ["classify", "--workspace", "data/.dyad", "--why-not", "no-such-label", "data/threats.jsonl"], in: folder)
        #expect(badStatus != 0)
    }
}
