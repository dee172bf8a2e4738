import Core
import Foundation

/// The result of reading a journal file: the records and every problem, with line numbers.
public struct JournalScan: Sendable {
    /// Records that decoded, in file order.
    public var records: [JournalRecord] = []
    /// Every problem found, in file order.
    public var problems: [LineProblem] = []
    /// Lines in the file (a last line without newline counts).
    public var lineCount = 0
    /// Size of the file in bytes.
    public var fileSize = 0
    /// Lines of the longest prefix in which every line is good and sequence numbers run 1, 2, 3…
    public var goodPrefixLines = 0
    /// Byte length of that prefix (where `repair` truncates).
    public var goodPrefixBytes = 0
    /// Byte offset where the last line starts.
    public var lastLineOffset = 0

    /// True when nothing is wrong.
    public var isClean: Bool { problems.isEmpty }

    /// True when the only damage is in the last line (a torn write that recovery moves aside).
    public var onlyLastLineDamaged: Bool {
        !problems.isEmpty && problems.allSatisfy { $0.line == lineCount && $0.kind != .unsupported }
            && goodPrefixLines == lineCount - 1
    }
}

/// Streaming reader of journal files.
public enum JournalReader {
    /// Reads and checks every line of the journal at `url` (a missing file reads as empty).
    public static func read(_ url: URL) throws -> JournalScan {
        var scan = JournalScan()
        guard FileManager.default.fileExists(atPath: url.path) else { return scan }
        var expected: Int? = 1
        var prefixIntact = true
        scan.fileSize = try ChunkedLineReader.forEachLine(path: url.path) { line in
            scan.lineCount = line.number
            scan.lastLineOffset = line.offset
            var bad = false
            switch RecordCodec.decode(line.bytes, line: line.number) {
            case .success(let r):
                if !line.hasNewline {
                    scan.problems.append(LineProblem(line: line.number, kind: .torn,
                                                     reason: "last line has no newline (torn write?)"))
                    bad = true
                } else if let e = expected, r.seq != e {
                    scan.problems.append(LineProblem(line: line.number, kind: .sequence,
                                                     reason: "sequence number \(r.seq) where \(e) was expected"))
                    bad = true
                }
                scan.records.append(r)
                expected = r.seq + 1
            case .failure(var p):
                if !line.hasNewline && p.kind != .unsupported && p.kind != .torn {
                    p.kind = .torn
                    p.reason += "; last line has no newline (torn write?)"
                }
                scan.problems.append(p)
                expected = nil
                bad = true
            }
            if bad { prefixIntact = false }
            if prefixIntact {
                scan.goodPrefixLines = line.number
                scan.goodPrefixBytes = line.offset + line.bytes.count + 1
            }
            return true
        }
        return scan
    }
}
