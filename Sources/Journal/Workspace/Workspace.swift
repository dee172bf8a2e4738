import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Dyad workspace folder: `journal.jsonl`, `settings.yaml`, the `lock` file and disposable derived files.
///
/// Opening for writing takes an exclusive lock, recovers a torn last line
/// (moved to `journal.torn-<time>.jsonl`, see `recoveryReport`) and refuses
/// to write when a line before the last is damaged. Opening read-only takes
/// no lock, changes nothing and refuses appends.
public final class Workspace {
    /// The workspace folder.
    public let directory: URL
    /// Analyst name written in appended records.
    public let actor: String
    /// True when opened with `readOnly`.
    public let readOnly: Bool
    /// The settings read from `settings.yaml`.
    public private(set) var settings: WorkspaceSettings
    /// The records of the journal as read at open (after recovery).
    public let records: [JournalRecord]
    /// Problems found at open (read-only opens may have several; a writable open has none left).
    public let problems: [LineProblem]
    /// Set when a torn last line was moved aside on open; the Workbench shows it.
    public let recoveryReport: RecoveryReport?
    private let writer: JournalWriter?
    private let lock: WorkspaceLock?

    /// `journal.jsonl` in the workspace.
    public var journalURL: URL { directory.appendingPathComponent("journal.jsonl") }
    /// `settings.yaml` in the workspace.
    public var settingsURL: URL { directory.appendingPathComponent("settings.yaml") }
    /// The `lock` file.
    public var lockURL: URL { directory.appendingPathComponent("lock") }
    /// The sequence number the next appended record gets.
    public var nextSeq: Int { writer?.nextSeq ?? ((records.last?.seq ?? 0) + 1) }

    private init(directory: URL, actor: String, readOnly: Bool, settings: WorkspaceSettings, scan: JournalScan,
                 recovery: RecoveryReport?, writer: JournalWriter?, lock: WorkspaceLock?) {
        self.directory = directory
        self.actor = actor
        self.readOnly = readOnly
        self.settings = settings
        self.records = scan.records
        self.problems = scan.problems
        self.recoveryReport = recovery
        self.writer = writer
        self.lock = lock
    }

    /// The default workspace folder for a messages file: `.dyad/` beside it.
    public static func defaultDirectory(forMessagesFile path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".dyad")
    }

    /// The default analyst name: `$DYAD_ANALYST`, else the login name, else `analyst`.
    public static func defaultActor() -> String {
        let env = ProcessInfo.processInfo.environment
        for k in ["DYAD_ANALYST", "USER", "LOGNAME"] {
            if let v = env[k], !v.isEmpty { return v }
        }
        return "analyst"
    }

    /// Opens (and with `create`, creates) the workspace at `directory`.
    ///
    /// - Throws: `JournalError.locked` when another Dyad holds it (use
    ///   `readOnly`), `.corrupt`/`.unsupported` when a line before the last is
    ///   damaged (writable opens only), `.notFound`, `.io`, `.badSettings`.
    public static func open(directory: URL, create: Bool = true, readOnly: Bool = false, actor: String,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> Workspace {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: directory.path, isDirectory: &isDir)
        if exists && !isDir.boolValue { throw JournalError.io(path: directory.path, reason: "is a file, not a workspace folder") }
        if !exists {
            guard create && !readOnly else { throw JournalError.notFound(path: directory.path) }
            do {
                try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw JournalError.io(path: directory.path, reason: "cannot create the workspace folder: \(error.localizedDescription)")
            }
        }
        let journal = directory.appendingPathComponent("journal.jsonl")
        let settingsURL = directory.appendingPathComponent("settings.yaml")
        if readOnly {
            let settings = fm.fileExists(atPath: settingsURL.path) ? try WorkspaceSettings.load(settingsURL) : WorkspaceSettings()
            let scan = try JournalReader.read(journal)
            return Workspace(directory: directory, actor: actor, readOnly: true, settings: settings, scan: scan,
                             recovery: nil, writer: nil, lock: nil)
        }
        let lock = try WorkspaceLock.acquire(path: directory.appendingPathComponent("lock").path, actor: actor, now: clock())
        if !fm.fileExists(atPath: settingsURL.path) { try WorkspaceSettings().save(settingsURL) }
        let settings = try WorkspaceSettings.load(settingsURL)
        if !fm.fileExists(atPath: journal.path) { try DurableFile.create(journal, with: []) }
        var scan = try JournalReader.read(journal)
        var recovery: RecoveryReport?
        if !scan.isClean {
            if scan.onlyLastLineDamaged {
                recovery = try moveTornTail(journal: journal, scan: scan, now: clock())
                scan = try JournalReader.read(journal)
            }
            if let first = scan.problems.first {
                if first.kind == .unsupported {
                    throw JournalError.unsupported(file: journal.path, line: first.line, reason: first.reason)
                }
                throw JournalError.corrupt(file: journal.path, line: first.line, reason: first.reason)
            }
        }
        let writer = try JournalWriter(path: journal.path, actor: actor, nextSeq: (scan.records.last?.seq ?? 0) + 1, clock: clock)
        return Workspace(directory: directory, actor: actor, readOnly: false, settings: settings, scan: scan,
                         recovery: recovery, writer: writer, lock: lock)
    }

    /// Moves the last line aside to `journal.torn-<time>.jsonl` and truncates the journal before it.
    static func moveTornTail(journal: URL, scan: JournalScan, now: Date) throws -> RecoveryReport {
        let path = journal.path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw JournalError.io(path: path, reason: "cannot read the journal to recover it")
        }
        defer { try? handle.close() }
        try? handle.seek(toOffset: UInt64(scan.lastLineOffset))
        let tail = (try? handle.readToEnd()) ?? Data()
        let dir = journal.deletingLastPathComponent()
        var target = dir.appendingPathComponent("journal.torn-\(Timestamp.fileStamp(now)).jsonl")
        var n = 1
        while FileManager.default.fileExists(atPath: target.path) {
            n += 1
            target = dir.appendingPathComponent("journal.torn-\(Timestamp.fileStamp(now))-\(n).jsonl")
        }
        try DurableFile.create(target, with: [UInt8](tail))
        try truncate(path: path, to: scan.lastLineOffset)
        let reason = scan.problems.last?.reason ?? "damaged"
        return RecoveryReport(line: scan.lineCount, reason: reason, movedTo: target.path, bytes: tail.count)
    }

    /// Truncates a file to `length` bytes and flushes it.
    static func truncate(path: String, to length: Int) throws {
        let fd = posixOpen(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: "cannot open to truncate: \(errnoText())") }
        defer { posixClose(fd) }
        guard ftruncate(fd, off_t(length)) == 0, DurableFile.sync(fd) else {
            throw JournalError.writeFailed(path: path, reason: "cannot truncate: \(errnoText())")
        }
    }

    /// Appends an event durably and returns its record (see `JournalWriter.append`).
    ///
    /// - Throws: `JournalError.readOnly` on a read-only workspace, `.writeFailed` when the line did not reach the disk.
    public func append(_ event: Event) throws -> JournalRecord {
        guard let writer else { throw JournalError.readOnly(path: directory.path) }
        return try writer.append(event)
    }

    /// Replaces `settings.yaml` atomically.
    public func saveSettings(_ newSettings: WorkspaceSettings) throws {
        guard !readOnly else { throw JournalError.readOnly(path: directory.path) }
        try newSettings.save(settingsURL)
        settings = newSettings
    }

    /// Closes the journal and releases the lock.
    public func close() {
        writer?.close()
        lock?.release()
    }

    deinit { close() }
}
