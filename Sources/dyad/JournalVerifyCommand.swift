import ArgumentParser
import Foundation
import Journal

/// `dyad journal verify`: checks JSON, checksum, sequence and type of every journal line.
struct JournalVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every line of the journal (JSON, checksum, sequence, event type).")

    @Option(name: .long, help: "Workspace folder (default: .dyad in the current folder).")
    var workspace: String = ".dyad"

    func run() throws {
        let dir = URL(fileURLWithPath: workspace)
        let report = try JournalMaintenance.verify(directory: dir)
        let s = report.scan
        print("\(dir.appendingPathComponent("journal.jsonl").path): \(s.lineCount) lines, \(s.records.count) records, last seq \(s.records.last?.seq ?? 0)")
        for t in report.tornFiles { print("torn line kept aside by an earlier recovery: \(dir.appendingPathComponent(t).path)") }
        for b in report.backups { print("backup kept by an earlier repair: \(dir.appendingPathComponent(b).path)") }
        if s.isClean {
            print("OK: every line is intact and sequence numbers run 1…\(s.records.last?.seq ?? 0) without gaps")
            return
        }
        for p in s.problems { print("journal.jsonl:\(p.line): \(p.kind.rawValue): \(p.reason)") }
        if s.onlyLastLineDamaged {
            print("Only the last line is damaged (a torn write): opening the workspace moves it aside automatically.")
        } else {
            print("To keep a backup and truncate to line \(s.goodPrefixLines) (the last good line, dropping \(report.linesToDrop) lines): "
                  + "dyad journal repair --workspace \(workspace) --yes")
        }
        throw ExitCode(1)
    }
}
