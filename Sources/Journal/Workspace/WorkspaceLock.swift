import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive lock of a workspace: `flock` on the `lock` file, which also records the holder.
///
/// The lock file holds `pid=…`, `host=…`, `actor=…`, `since=…` lines. The
/// lock is released when the descriptor closes, including when the process dies.
final class WorkspaceLock {
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Takes the lock or throws `JournalError.locked` naming the holder.
    static func acquire(path: String, actor: String, now: Date) throws -> WorkspaceLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: "cannot open the lock file: \(errnoText())") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN {
                let h = holder(path: path)
                throw JournalError.locked(pid: h.pid, host: h.host, actor: h.actor, since: h.since)
            }
            throw JournalError.io(path: path, reason: "cannot lock: \(errnoText(code))")
        }
        let info = "pid=\(getpid())\nhost=\(hostName())\nactor=\(actor)\nsince=\(Timestamp.string(now))\n"
        _ = ftruncate(fd, 0)
        let bytes = Array(info.utf8)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, bytes.count, 0) }
        _ = fsync(fd)
        return WorkspaceLock(path: path, fd: fd)
    }

    /// Reads who holds the lock from the lock file (fields may be `?` while the holder is still writing them).
    static func holder(path: String) -> (pid: Int32, host: String, actor: String, since: String) {
        var fields: [String: String] = [:]
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
            }
        }
        return (Int32(fields["pid"] ?? "") ?? -1, fields["host"] ?? "?", fields["actor"] ?? "?", fields["since"] ?? "?")
    }

    /// This machine's host name.
    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, 255) == 0 else { return "unknown-host" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Releases the lock.
    func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
