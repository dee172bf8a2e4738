import Core
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads message files (JSON Lines, CSV with a header, plain text) into a `MessageStore`, streaming.
///
/// Bad rows are reported with file and line and skipped; empty texts are
/// skipped and counted; invalid UTF-8 is replaced and counted; duplicate ids
/// are reported and skipped; ids missing from the input are derived from the
/// text (12 hex digits of FNV-1a 64). With `options.strict` the first problem
/// throws `JournalError.importFailed`.
public enum MessageImporter {
    static let chunkSize = 1 << 20

    /// Reads every file in order.
    ///
    /// - Throws: `JournalError.importFailed` when a file cannot be read, or at the first problem in strict mode.
    public static func load(paths: [String], options: ImportOptions = ImportOptions()) throws -> ImportResult {
        var sink = ImportSink(options: options)
        sink.fileNames = paths
        var hash = FNV1a()
        var files: [ImportedFile] = []
        for (fi, path) in paths.enumerated() {
            var session = ImportSession(file: path, fileIndex: fi, options: options)
            let before = sink.counts.loaded
            // The hash runs on another core while the rows are read (it is one sequential pass).
            let size = fileSize(path)
            let hashing = FileHasher(path: path, bytes: size, from: hash)
            var reserved = false
            let read = try readChunks(path: path, from: 0) { chunk in
                try session.feed(chunk, sink: &sink)
                if !reserved, session.lines > 0 {
                    // Room for the whole file at the density of its first chunk (no regrowth copies).
                    reserved = true
                    let estimate = Int(Double(size) / Double(session.bytesRead) * Double(session.lines) * 1.05)
                    sink.store.reserve(sink.store.count + estimate, bytesEach: size / max(1, estimate))
                }
            }
            hash = hashing.value()
            if read > size { try readChunks(path: path, from: size) { hash.combine($0) } }
            try session.finish(sink: &sink)
            if session.bytesRead == 0 {
                try sink.report(path, 0, "file is empty", "nothing to load from it", skipped: false)
            } else if sink.counts.loaded == before {
                try sink.report(path, 0, "no messages were loaded from this file", "see the problems above", skipped: false)
            }
            sink.counts.lines += session.lines
            sink.endFile(path)
            files.append(ImportedFile(path: path, format: session.format, loaded: sink.counts.loaded - before,
                                      bytesRead: session.bytesRead, lines: session.lines))
        }
        return ImportResult(store: sink.store, problems: sink.problems, counts: sink.counts, filesHash: hash.hex, files: files)
    }

    /// Bytes in the file at `path` now (0 when it cannot be read: reading it then reports why).
    static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Calls `body` with successive chunks of the file from `offset` to its current end; returns bytes read.
    @discardableResult
    static func readChunks(path: String, from offset: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw JournalError.importFailed(file: path, line: 0, reason: "cannot open: \(errnoText()) — check the path")
        }
        defer { posixClose(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw JournalError.importFailed(file: path, line: 0, reason: "is a folder, not a messages file")
        }
        if offset > 0 { lseek(fd, off_t(offset), SEEK_SET) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var total = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw JournalError.importFailed(file: path, line: 0, reason: "read failed: \(errnoText())")
            }
            if n == 0 { break }
            total += n
            try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        return total
    }
}
