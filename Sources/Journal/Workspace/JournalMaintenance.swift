import Foundation

/// `dyad journal verify` and `dyad journal repair`: check every line, and truncate to the last good line when asked.
public enum JournalMaintenance {
    /// What `verify` found.
    public struct Report: Sendable {
        /// The scan of the journal.
        public var scan: JournalScan
        /// Torn lines kept aside by earlier recoveries (`journal.torn-*.jsonl`).
        public var tornFiles: [String]
        /// Backups kept by earlier repairs (`journal.backup-*.jsonl`).
        public var backups: [String]

        /// Lines a repair would drop.
        public var linesToDrop: Int { scan.lineCount - scan.goodPrefixLines }
        /// Bytes a repair would drop.
        public var bytesToDrop: Int { scan.fileSize - scan.goodPrefixBytes }
    }

    /// Checks JSON, checksum, sequence and event type of every line of the workspace's journal.
    public static func verify(directory: URL) throws -> Report {
        let journal = directory.appendingPathComponent("journal.jsonl")
        guard FileManager.default.fileExists(atPath: journal.path) else { throw JournalError.notFound(path: journal.path) }
        let scan = try JournalReader.read(journal)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return Report(scan: scan,
                      tornFiles: names.filter { $0.hasPrefix("journal.torn-") }.sorted(),
                      backups: names.filter { $0.hasPrefix("journal.backup-") }.sorted())
    }

    /// What a repair did.
    public struct RepairOutcome: Sendable, Equatable {
        /// The full copy kept before truncating.
        public var backup: String
        /// Lines kept.
        public var keptLines: Int
        /// Lines dropped.
        public var droppedLines: Int
    }

    /// Copies the journal to `journal.backup-<time>.jsonl`, then truncates it to its good prefix.
    ///
    /// Takes the workspace lock (fails with `.locked` while a Dyad has it open). Returns nil when nothing needs repair.
    public static func repair(directory: URL, actor: String, now: Date = Date()) throws -> RepairOutcome? {
        let lock = try WorkspaceLock.acquire(path: directory.appendingPathComponent("lock").path, actor: actor, now: now)
        defer { lock.release() }
        let report = try verify(directory: directory)
        guard !report.scan.isClean else { return nil }
        let journal = directory.appendingPathComponent("journal.jsonl")
        let backup = directory.appendingPathComponent("journal.backup-\(Timestamp.fileStamp(now)).jsonl")
        let bytes: Data
        do {
            bytes = try Data(contentsOf: journal)
        } catch {
            throw JournalError.io(path: journal.path, reason: "cannot read for backup: \(error.localizedDescription)")
        }
        try DurableFile.create(backup, with: [UInt8](bytes))
        try Workspace.truncate(path: journal.path, to: report.scan.goodPrefixBytes)
        return RepairOutcome(backup: backup.path, keptLines: report.scan.goodPrefixLines, droppedLines: report.linesToDrop)
    }
}
