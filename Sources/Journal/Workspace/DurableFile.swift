import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers for writes that must reach stable storage.
enum DurableFile {
    /// Flushes a descriptor to stable storage (`fdatasync` on Linux, `F_FULLFSYNC` on macOS).
    static func sync(_ fd: Int32) -> Bool {
        #if os(Linux)
        return fdatasync(fd) == 0
        #elseif canImport(Darwin)
        return fcntl(fd, F_FULLFSYNC) == 0 || fsync(fd) == 0
        #else
        return fsync(fd) == 0
        #endif
    }

    /// Flushes a directory entry (after creating or renaming a file in it).
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Writes all bytes to `fd`, retrying on EINTR and short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + done }, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            done += n
        }
        return nil
    }

    /// Replaces a file's content atomically: temporary file, fsync, rename, fsync of the folder.
    static func replace(_ url: URL, with bytes: [UInt8]) throws {
        let tmp = url.path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw JournalError.io(path: tmp, reason: "cannot create: \(errnoText())") }
        if let code = writeAll(fd, bytes) {
            close(fd)
            unlink(tmp)
            throw JournalError.writeFailed(path: url.path, reason: errnoText(code))
        }
        guard sync(fd) else {
            let code = errno
            close(fd)
            unlink(tmp)
            throw JournalError.writeFailed(path: url.path, reason: errnoText(code))
        }
        close(fd)
        guard rename(tmp, url.path) == 0 else {
            let code = errno
            unlink(tmp)
            throw JournalError.writeFailed(path: url.path, reason: errnoText(code))
        }
        syncDirectory(url.deletingLastPathComponent().path)
    }

    /// Creates `url` with `bytes` (exclusive: never overwrites) and flushes it.
    static func create(_ url: URL, with bytes: [UInt8]) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw JournalError.io(path: url.path, reason: "cannot create: \(errnoText())") }
        defer { close(fd) }
        if let code = writeAll(fd, bytes) { throw JournalError.writeFailed(path: url.path, reason: errnoText(code)) }
        guard sync(fd) else { throw JournalError.writeFailed(path: url.path, reason: errnoText()) }
        syncDirectory(url.deletingLastPathComponent().path)
    }
}

/// `close(2)`, callable from types that have their own `close()` method.
func posixClose(_ fd: Int32) {
    _ = close(fd)
}

/// `open(2)`, callable from types that have their own `open` method.
func posixOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
