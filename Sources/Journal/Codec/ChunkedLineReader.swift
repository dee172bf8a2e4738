import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file in large chunks and hands out its lines without copying each one.
///
/// Lines are split on `\n`; a `\r` before it is kept (callers decide). The
/// final line is passed with `hasNewline == false` when the file does not end
/// with a newline.
struct ChunkedLineReader {
    /// One line as handed to the callback.
    struct Line {
        /// The bytes without the `\n`.
        var bytes: UnsafeBufferPointer<UInt8>
        /// 1-based line number.
        var number: Int
        /// Byte offset of the line's first byte in the file.
        var offset: Int
        /// False only for a last line without a newline.
        var hasNewline: Bool
    }

    static let chunkSize = 1 << 20

    /// Calls `body` for each line of the file at `path`; stops early when `body` returns false.
    /// Returns the file size read.
    @discardableResult
    static func forEachLine(path: String, startOffset: Int = 0, firstLineNumber: Int = 1,
                            _ body: (Line) throws -> Bool) throws -> Int {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: "cannot open: \(errnoText())") }
        defer { close(fd) }
        if startOffset > 0 { lseek(fd, off_t(startOffset), SEEK_SET) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var carry: [UInt8] = []
        var carryOffset = startOffset
        var fileOffset = startOffset
        var lineNo = firstLineNumber
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw JournalError.io(path: path, reason: "read failed: \(errnoText())")
            }
            if n == 0 { break }
            var keepGoing = true
            try buffer.withUnsafeBufferPointer { buf in
                var start = 0
                while start < n {
                    guard let base = buf.baseAddress,
                          let hit = memchr(base + start, 10, n - start) else { break }
                    let end = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if carry.isEmpty {
                        let line = Line(bytes: UnsafeBufferPointer(rebasing: buf[start..<end]), number: lineNo,
                                        offset: fileOffset + start, hasNewline: true)
                        keepGoing = try body(line)
                    } else {
                        carry.append(contentsOf: buf[start..<end])
                        let off = carryOffset
                        keepGoing = try carry.withUnsafeBufferPointer {
                            try body(Line(bytes: $0, number: lineNo, offset: off, hasNewline: true))
                        }
                        carry.removeAll(keepingCapacity: true)
                    }
                    lineNo += 1
                    start = end + 1
                    if !keepGoing { return }
                }
                if start < n {
                    if carry.isEmpty { carryOffset = fileOffset + start }
                    carry.append(contentsOf: buf[start..<n])
                }
            }
            if !keepGoing { return fileOffset + n }
            fileOffset += n
        }
        if !carry.isEmpty {
            let off = carryOffset
            _ = try carry.withUnsafeBufferPointer {
                try body(Line(bytes: $0, number: lineNo, offset: off, hasNewline: false))
            }
        }
        return fileOffset
    }
}

/// The text of the current `errno`.
func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
