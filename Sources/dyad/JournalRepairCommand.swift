import ArgumentParser
import Foundation
import Journal

/// `dyad journal repair`: keeps a backup and truncates the journal to its last good line, only with `--yes`.
struct JournalRepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair", abstract: "Keep a backup, then truncate the journal to its last good line (needs --yes).")

    @Option(name: .long, help: "Workspace folder (default: .dyad in the current folder).")
    var workspace: String = ".dyad"

    @Flag(name: .long, help: "Really do it (without it, only say what would be done).")
    var yes = false

    @Option(name: .long, help: "Analyst name recorded in the lock while repairing.")
    var analyst: String?

    func run() throws {
        let dir = URL(fileURLWithPath: workspace)
        let report = try JournalMaintenance.verify(directory: dir)
        let s = report.scan
        if s.isClean {
            print("Nothing to repair: all \(s.lineCount) lines are good.")
            return
        }
        for p in s.problems { print("journal.jsonl:\(p.line): \(p.kind.rawValue): \(p.reason)") }
        guard yes else {
            print("Would copy the journal to journal.backup-<time>.jsonl, then keep lines 1…\(s.goodPrefixLines) "
                  + "and drop \(report.linesToDrop) lines (\(report.bytesToDrop) bytes). Run again with --yes to do it.")
            return
        }
        if let out = try JournalMaintenance.repair(directory: dir, actor: analyst ?? Workspace.defaultActor()) {
            print("Backup: \(out.backup)")
            print("Kept \(out.keptLines) lines, dropped \(out.droppedLines). The dropped lines are in the backup.")
        }
    }
}
