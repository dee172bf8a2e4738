import Core
import Foundation

/// Imports one file from chunks of bytes (push style), so `--follow` can keep feeding it.
struct ImportSession {
    let file: String
    let fileIndex: Int
    private(set) var format: ImportFormat
    private var started = false
    private var stopped = false
    private var carry: [UInt8] = []
    /// Number of the next line to be completed.
    private(set) var nextLine: Int
    private var csv: CSVParser?
    private var csvPending: [UInt8] = []
    private var columns: CSVColumns?
    /// Bytes consumed so far (including a partial last line held back).
    private(set) var bytesRead = 0

    init(file: String, fileIndex: Int, options: ImportOptions, startLine: Int = 1) {
        self.file = file
        self.fileIndex = fileIndex
        self.nextLine = startLine
        var format = options.format
        if format == .auto {
            switch URL(fileURLWithPath: file).pathExtension.lowercased() {
            case "jsonl", "ndjson", "json": format = .jsonl
            case "csv", "tsv": format = .csv
            case "txt", "text": format = .text
            default: format = .auto
            }
        }
        self.format = format
    }

    /// Lines completed so far.
    var lines: Int { (csv?.line ?? nextLine) - 1 }

    /// Consumes a chunk of the file.
    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, sink: inout ImportSink) throws {
        bytesRead += chunk.count
        guard !stopped, !chunk.isEmpty else { return }
        var bytes = chunk
        if !started {
            started = true
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                stopped = true
                try sink.malformed(file, 1, "file is UTF-16 encoded (it starts with a UTF-16 byte-order mark)",
                                   "convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`")
                return
            }
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeBufferPointer(rebasing: bytes[3...])
            }
            if format == .auto {
                let first = bytes.first { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
                format = (first == UInt8(ascii: "{") || first == UInt8(ascii: "[")) ? .jsonl : .text
            }
        }
        if format == .csv {
            try feedCSV(bytes, sink: &sink)
        } else {
            try feedLines(bytes, sink: &sink)
        }
    }

    /// Ends the file: handles a last line without newline and an unclosed CSV quote.
    mutating func finish(sink: inout ImportSink) throws {
        guard !stopped else { return }
        if format == .csv {
            if csv == nil, !csvPending.isEmpty { try startCSV(sink: &sink, force: true) }
            if var p = csv {
                let unclosed = try p.finish { r in try self.handleCSV(r, sink: &sink) }
                csv = p
                if let at = unclosed {
                    let lost = p.line - at + 1
                    try sink.malformed(file, at, "unbalanced quote: the quoted field starting here never closes "
                                        + "(\(lost) lines to the end of the file were read as part of it and skipped)",
                                       "close the quote, or double quotes inside quoted fields (\"\")")
                }
            }
        } else if !carry.isEmpty {
            let rest = carry
            carry = []
            try rest.withUnsafeBufferPointer { try handleLine($0, line: nextLine, sink: &sink) }
            nextLine += 1
        }
        stopped = true
    }

    private mutating func feedLines(_ bytes: UnsafeBufferPointer<UInt8>, sink: inout ImportSink) throws {
        var start = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return }
        var lines: [Range<Int>] = []
        while start < n {
            guard let hit = memchr(base + start, 10, n - start) else { break }
            let end = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if carry.isEmpty {
                lines.append(start..<end)
            } else {
                carry.append(contentsOf: bytes[start..<end])
                let line = carry
                carry.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { try handleLine($0, line: nextLine, sink: &sink) }
                nextLine += 1
            }
            start = end + 1
        }
        // JSON Lines rows of the common shape are read on both cores, then added in file order.
        let rows = format == .jsonl && lines.count >= Self.parallelLines ? JSONLFastRow.parseAll(lines, in: bytes) : nil
        for (k, r) in lines.enumerated() {
            let line = UnsafeBufferPointer(rebasing: bytes[r])
            if let rows {
                if let row = rows[k] {
                    try sink.add(row, in: Self.withoutCR(line), file: file, fileIndex: fileIndex, line: nextLine)
                } else {
                    try handleLine(line, line: nextLine, sink: &sink, tryFast: false)
                }
            } else {
                try handleLine(line, line: nextLine, sink: &sink)
            }
            nextLine += 1
        }
        if start < n { carry.append(contentsOf: bytes[start..<n]) }
    }

    /// Fewest complete lines in a chunk worth reading on both cores.
    static let parallelLines = 1024

    /// A line without its trailing carriage return (CRLF files).
    static func withoutCR(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = bytes.last, last == 13 { return UnsafeBufferPointer(rebasing: bytes.dropLast()) }
        return bytes
    }

    /// Reads one line; `tryFast: false` when `JSONLFastRow` already declined it.
    private mutating func handleLine(_ raw: UnsafeBufferPointer<UInt8>, line: Int, sink: inout ImportSink,
                                     tryFast: Bool = true) throws {
        let bytes = Self.withoutCR(raw)
        if UTF8Text.hasNUL(bytes) {
            try sink.malformed(file, line, "binary data (NUL bytes) in the line", "is this a text file? remove the line")
            return
        }
        if format == .text {
            let (text, replaced) = UTF8Text.decode(bytes)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                sink.counts.skippedEmpty += 1
                return
            }
            try sink.add(Message(id: FNV1a.shortID(trimmed), text: trimmed), file: file, fileIndex: fileIndex,
                         line: line, replacedUTF8: replaced)
            return
        }
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { return }
        if tryFast, let row = JSONLFastRow.parse(bytes) {
            try sink.add(row, in: bytes, file: file, fileIndex: fileIndex, line: line)
            return
        }
        try JSONLRow.importLine(bytes, file: file, fileIndex: fileIndex, line: line, sink: &sink)
    }

    private mutating func feedCSV(_ bytes: UnsafeBufferPointer<UInt8>, sink: inout ImportSink) throws {
        guard var p = csv else {
            csvPending.append(contentsOf: bytes)
            if csvPending.contains(10) { try startCSV(sink: &sink, force: false) }
            return
        }
        try p.feed(bytes) { r in try self.handleCSV(r, sink: &sink) }
        csv = p
    }

    private mutating func startCSV(sink: inout ImportSink, force: Bool) throws {
        let pending = csvPending
        csvPending = []
        let delimiter: UInt8
        if let d = sink.options.delimiter {
            delimiter = d
        } else if URL(fileURLWithPath: file).pathExtension.lowercased() == "tsv" {
            delimiter = 9
        } else {
            delimiter = pending.withUnsafeBufferPointer { CSVParser.detectDelimiter($0) }
        }
        var p = CSVParser(delimiter: delimiter, firstLine: nextLine)
        try pending.withUnsafeBufferPointer { buf in try p.feed(buf) { r in try self.handleCSV(r, sink: &sink) } }
        csv = p
    }

    private mutating func handleCSV(_ r: CSVParser.Record, sink: inout ImportSink) throws {
        guard !stopped else { return }
        guard let cols = columns else {
            let header = r.fields.map { UTF8Text.decode($0).0 }
            switch CSVColumns.resolve(header: header, options: sink.options) {
            case .success(let c): columns = c
            case .failure(let p):
                stopped = true
                try sink.malformed(file, r.line, p.message, p.hint)
            }
            return
        }
        try CSVRow.importRecord(r, columns: cols, file: file, fileIndex: fileIndex, sink: &sink)
    }
}

extension ImportSession {
    /// Marks the first `bytes` bytes as already read (following a line-based file past what was loaded).
    mutating func skipStart(bytes: Int) {
        started = bytes > 0
        bytesRead = bytes
    }
}
