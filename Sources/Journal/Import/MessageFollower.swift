import Core
import Foundation

/// Follows a messages file for lines appended after it was loaded (`--follow`); the main loop polls it.
///
/// Only complete lines are taken; a partly written last line waits for the
/// next poll. If the file shrinks (rotated or truncated), following restarts
/// from its beginning and the restart is reported as a problem.
public struct MessageFollower: Sendable {
    /// The followed file.
    public let path: String
    private let options: ImportOptions
    private let fileIndex: Int
    /// Byte offset read so far.
    public private(set) var offset: Int
    private var session: ImportSessionBox

    /// Starts following `path` after `offset` bytes and `lines` lines (from `ImportResult.files`).
    ///
    /// For CSV the header is read again from the start of the file.
    public init(path: String, options: ImportOptions = ImportOptions(), offset: Int, lines: Int) throws {
        self.path = path
        self.options = options
        self.fileIndex = 0
        self.offset = offset
        var s = ImportSession(file: path, fileIndex: 0, options: options)
        if s.format == .csv || s.format == .auto {
            // Prime the session (format, BOM, CSV header) with the bytes already loaded, discarding their rows.
            var scratch = ImportSink(options: ImportOptions(format: options.format, textColumn: options.textColumn,
                                                            idColumn: options.idColumn, delimiter: options.delimiter))
            _ = try MessageImporter.readChunks(path: path, from: 0) { chunk in
                if s.bytesRead < offset {
                    let take = min(chunk.count, offset - s.bytesRead)
                    try s.feed(UnsafeBufferPointer(rebasing: chunk[0..<take]), sink: &scratch)
                }
            }
        } else {
            s = ImportSession(file: path, fileIndex: 0, options: options, startLine: lines + 1)
            s.skipStart(bytes: offset)
        }
        session = ImportSessionBox(s)
    }

    /// Reads what was appended since the last poll into `store`; returns new problems.
    public mutating func poll(into store: inout MessageStore) throws -> (added: Range<Int>, problems: [ImportProblem]) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? offset
        var restarted: ImportProblem?
        if size < offset {
            restarted = ImportProblem(file: path, line: 0, message: "file shrank (rotated or truncated)",
                                      hint: "following again from its beginning", skipped: false)
            offset = 0
            session = ImportSessionBox(ImportSession(file: path, fileIndex: fileIndex, options: options))
        }
        guard size > offset else { return (store.count..<store.count, restarted.map { [$0] } ?? []) }
        var sink = ImportSink(options: options, store: store)
        sink.fileNames = [path]
        let start = store.count
        store = MessageStore()
        var s = session.value
        defer { session = ImportSessionBox(s) }
        let n = try MessageImporter.readChunks(path: path, from: offset) { chunk in
            try s.feed(chunk, sink: &sink)
        }
        offset += n
        store = sink.store
        return (start..<store.count, (restarted.map { [$0] } ?? []) + sink.problems)
    }
}

/// Holds a session in a `Sendable` follower (sessions are plain values).
struct ImportSessionBox: @unchecked Sendable {
    var value: ImportSession
    init(_ value: ImportSession) { self.value = value }
}
