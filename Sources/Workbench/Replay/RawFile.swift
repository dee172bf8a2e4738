#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Whole-buffer reads and writes on a file descriptor, for the workspace's binary
/// caches (`ModelSnapshot`, `ArenaFile`): retried on EINTR and short counts, in
/// pieces of at most 1 GiB. Each caller turns a `false` into its own error (`errno`
/// is left as the failing call set it).
enum RawFile {
    /// Writes all of `buffer`; false on an error.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        whole(buffer.count) { write(fd, buffer.baseAddress! + $0, $1) }
    }

    /// Fills all of `buffer`; false on an error or when the file ends first.
    static func readAll(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        whole(buffer.count) { read(fd, buffer.baseAddress! + $0, $1) }
    }

    /// Runs `step(offset, length)` (a `read` or `write`) until `count` bytes are through, retrying
    /// EINTR and short counts; false when a step fails or moves nothing (end of file).
    private static func whole(_ count: Int, _ step: (Int, Int) -> Int) -> Bool {
        var done = 0
        while done < count {
            let n = step(done, min(count - done, 1 << 30))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }
}
