import ArgumentParser
import Foundation
import Workbench

/// `dyad report [--workspace DIR] [--out DIR] [FILES…]`: HTML and Markdown pictures of how both sides learned.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report (SVG charts) and a Markdown summary of a workspace's learning cycles."
    )

    @Option(help: "Workspace folder holding journal.jsonl (default: .dyad beside the first file, else ./.dyad).")
    var workspace: String?

    @Option(help: "Folder to write report.html and report.md into, created if missing (default: report in the workspace).")
    var out: String?

    @Option(help: "Labeled held-out file for macro-F1 per cycle (default: heldout.jsonl beside the first message file).")
    var test: String?

    @Argument(help: "The session's message files (default: those the journal names, when they exist).")
    var files: [String] = []

    func run() throws {
        do {
            let ws = URL(fileURLWithPath: WorkspaceArgument.resolve(workspace, files: files))
            let written = try ReportBuilder.write(workspace: ws, out: out.map { URL(fileURLWithPath: $0) } ?? ws.appendingPathComponent("report"),
                                                  files: files, test: test)
            for url in written { print("dyad: wrote \(url.path)") }
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
