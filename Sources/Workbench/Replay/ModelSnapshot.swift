import Core
import Engine
import Foundation
import Journal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The model snapshot file (`model.snapshot` in the workspace): a cache of the model rebuilt
/// from the first `coveredRecords` journal records, so a start replays only the records after it.
///
/// Layout (little-endian), see `docs/journal.md`:
///
/// ```
/// 0   "DYADSNAP"              magic, 8 bytes
/// 8   u32 format version (1)   u32 reserved (0)
/// 16  u64 covered records      (the journal records 1…N it was rebuilt from)
/// 24  u32 CRC of record N      (the `crc` field of journal line N)   u32 reserved (0)
/// 32  u64 state bytes          u64 table bytes
/// 48  u64 payload checksum     (`SnapshotChecksum` of state then table)
/// 56  u64 header checksum      (of bytes 0–55)
/// 64  state (`Classifier.imageState()`, starts with the engine config), then the weight table
/// ```
///
/// The journal is never changed by it: a missing, damaged, truncated or stale snapshot is
/// ignored (the model is replayed in full) and replaced at the next write.
public enum ModelSnapshot {
    /// File name inside the workspace.
    public static let fileName = "model.snapshot"
    /// Format version this Dyad writes and reads.
    public static let formatVersion: UInt32 = 1
    static let magic = Array("DYADSNAP".utf8)
    static let headerSize = 64
    /// Journals shorter than this replay fast enough without a snapshot.
    public static let minimumRecords = 2_000

    /// Where a workspace keeps its snapshot.
    public static func url(in workspace: URL) -> URL { workspace.appendingPathComponent(fileName) }

    /// What a snapshot file claims to cover.
    public struct Coverage: Sendable, Equatable {
        /// Journal records 1…count went into the model.
        public var count: Int
        /// The checksum of record `count` (its line's `crc` field).
        public var lastChecksum: UInt32

        /// The coverage of the first `count` of `records` (nil for none).
        public init?(records: [JournalRecord], count: Int) {
            guard count > 0, count <= records.count else { return nil }
            self.count = count
            lastChecksum = RecordCodec.checksum(records[count - 1])
        }

        init(count: Int, lastChecksum: UInt32) {
            self.count = count
            self.lastChecksum = lastChecksum
        }
    }

    /// Why a snapshot was not used.
    public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// Readable reason, e.g. "no model snapshot yet".
        public var reason: String
        public var description: String { reason }
    }

    // MARK: Writing

    /// Writes `model`, rebuilt from the records `coverage` names, to `url` atomically:
    /// a temporary file beside it, flushed to disk, then renamed over the old one.
    ///
    /// - Throws: `WorkbenchError.snapshotFailed` when the file cannot be written (the old one is kept).
    public static func write(_ model: Classifier, coverage: Coverage, to url: URL) throws {
        let state = model.imageState()
        var sum = SnapshotChecksum()
        sum.combine(state)
        model.withImageTable { sum.combine($0) }
        var header = SnapshotHeader(coverage: coverage, stateBytes: state.count, tableBytes: model.imageTableByteCount,
                            payloadChecksum: sum.value).bytes
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(fileName).tmp-\(getpid())")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create \(tmp.path)") }
        do {
            defer { close(fd) }
            try writeAll(fd, &header, path: tmp.path)
            try state.withUnsafeBytes { try writeAll(fd, $0, path: tmp.path) }
            try model.withImageTable { try writeAll(fd, $0, path: tmp.path) }
            guard fsync(fd) == 0 else { throw failure("cannot flush \(tmp.path)") }
        } catch {
            unlink(tmp.path)
            throw error
        }
        guard rename(tmp.path, url.path) == 0 else {
            let e = failure("cannot rename \(tmp.path) to \(url.path)")
            unlink(tmp.path)
            throw e
        }
        let dir = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: inout [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0, path: path) }
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        guard RawFile.writeAll(fd, buffer) else { throw failure("cannot write \(path)") }
    }

    static func failure(_ what: String) -> WorkbenchError {
        WorkbenchError.snapshotFailed("\(what): \(String(cString: strerror(errno))) — the journal is unchanged; the next start replays it")
    }

    // MARK: Reading

    /// Loads the snapshot at `url` if it provably matches the journal: it covers records 1…N of
    /// `records`, record N's checksum is the one it names, no later undo (`undone`: target → undo seq)
    /// reaches back to a record it covers, its checksums hold and it was made with `config`.
    ///
    /// - Returns: the model rebuilt from the first N records and N.
    /// - Throws: `Rejection` saying why the snapshot cannot be used.
    public static func load(_ url: URL, records: [JournalRecord], undone: [Int: Int],
                            config: EngineConfig) throws(Rejection) -> (model: Classifier, covered: Int) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Rejection(reason: errno == ENOENT ? "no model snapshot yet" : "cannot open it: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Rejection(reason: "cannot read it") }
        let size = Int(st.st_size)
        var raw = [UInt8](repeating: 0, count: headerSize)
        guard size >= headerSize, readAll(fd, &raw) else {
            throw Rejection(reason: "it is truncated (\(size) bytes, shorter than its header)")
        }
        let header = try SnapshotHeader(raw)
        guard size == headerSize + header.stateBytes + header.tableBytes else {
            throw Rejection(reason: "it is truncated or overlong (\(size) bytes, its header says \(headerSize + header.stateBytes + header.tableBytes))")
        }
        try check(header.coverage, against: records, undone: undone)
        var state = [UInt8](repeating: 0, count: header.stateBytes)
        guard readAll(fd, &state) else { throw Rejection(reason: "it could not be read") }
        var sum = SnapshotChecksum()
        sum.combine(state)
        do {
            let model = try state.withUnsafeBytes { s in
                try Classifier(image: s, config: config, tableByteCount: header.tableBytes) { table in
                    guard RawFile.readAll(fd, table) else { throw Rejection(reason: "its weight table could not be read") }
                    sum.combine(UnsafeRawBufferPointer(table))
                    guard sum.value == header.payloadChecksum else {
                        throw Rejection(reason: "its payload checksum does not match (the file is damaged)")
                    }
                }
            }
            return (model, header.coverage.count)
        } catch let r as Rejection {
            throw r
        } catch {
            throw Rejection(reason: "its model state is unreadable: \(error)")
        }
    }

    /// The coverage a snapshot file's header names, if it has a sound header (the payload is not checked).
    public static func coverage(at url: URL) -> Coverage? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var raw = [UInt8](repeating: 0, count: headerSize)
        guard readAll(fd, &raw) else { return nil }
        return try? SnapshotHeader(raw).coverage
    }

    /// Checks that a snapshot covering `coverage` is a prefix of the effective journal.
    static func check(_ coverage: Coverage, against records: [JournalRecord], undone: [Int: Int]) throws(Rejection) {
        let n = coverage.count
        guard n <= records.count else {
            throw Rejection(reason: "it covers \(n) journal records but the journal has \(records.count) (repaired or replaced?)")
        }
        guard records[n - 1].seq == n, RecordCodec.checksum(records[n - 1]) == coverage.lastChecksum else {
            throw Rejection(reason: "journal record \(n) is not the one it was made from (the journal was changed)")
        }
        if let (target, by) = undone.first(where: { $0.key <= n && $0.value > n }) {
            throw Rejection(reason: "the undo at seq \(by) reaches back to seq \(target), which it covers")
        }
    }

    static func readAll(_ fd: Int32, _ bytes: inout [UInt8]) -> Bool {
        bytes.withUnsafeMutableBytes { RawFile.readAll(fd, $0) }
    }
}
