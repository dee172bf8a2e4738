import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends records to a journal file durably: one `write` of the whole line, then `fdatasync`.
///
/// `append` returns only after the line is on stable storage; only then may
/// the UI say "saved". On any failure the file is truncated back to its size
/// before the append, the sequence number is not advanced, and
/// `JournalError.writeFailed` is thrown.
public final class JournalWriter {
    /// Path of the journal file.
    public let path: String
    /// Analyst name written in each record.
    public let actor: String
    /// The sequence number the next record gets.
    public private(set) var nextSeq: Int
    private var fd: Int32
    private var size: off_t
    private let clock: @Sendable () -> Date

    /// Opens `path` for appending (creating it if needed); `nextSeq` is the seq of the next record.
    init(path: String, actor: String, nextSeq: Int, clock: @escaping @Sendable () -> Date) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: "cannot open for appending: \(errnoText())") }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            posixClose(fd)
            throw JournalError.io(path: path, reason: "cannot stat: \(errnoText())")
        }
        self.fd = fd
        self.size = st.st_size
        self.path = path
        self.actor = actor
        self.nextSeq = nextSeq
        self.clock = clock
    }

    /// Appends an event, assigning its sequence number and time; returns the record once it is durable.
    public func append(_ event: Event) throws -> JournalRecord {
        guard fd >= 0 else { throw JournalError.writeFailed(path: path, reason: "the journal is closed") }
        let record = JournalRecord(version: RecordCodec.version, seq: nextSeq, time: Timestamp.string(clock()),
                                   actor: actor, event: event)
        let line = RecordCodec.encode(record)
        var n: Int
        repeat {
            n = line.withUnsafeBytes { write(fd, $0.baseAddress, line.count) }
        } while n < 0 && errno == EINTR
        if n != line.count {
            let code = n < 0 ? errno : ENOSPC
            rollBack()
            throw JournalError.writeFailed(path: path, reason: n < 0 ? errnoText(code) : "short write (\(n) of \(line.count) bytes; disk full?)")
        }
        guard DurableFile.sync(fd) else {
            let code = errno
            rollBack()
            throw JournalError.writeFailed(path: path, reason: "flush to disk failed: \(errnoText(code))")
        }
        size += off_t(line.count)
        nextSeq += 1
        return record
    }

    /// Removes a partly written line so the journal ends with a whole record.
    private func rollBack() {
        _ = ftruncate(fd, size)
        _ = DurableFile.sync(fd)
    }

    /// Closes the file; further appends fail.
    public func close() {
        guard fd >= 0 else { return }
        posixClose(fd)
        fd = -1
    }

    deinit { close() }
}
