import Foundation
import Core

/// Turns one CSV record into a message, using the header's column roles.
enum CSVRow {
    static func importRecord(_ r: CSVParser.Record, columns: CSVColumns, file: String, fileIndex: Int,
                             sink: inout ImportSink) throws {
        let n = columns.names.count
        if r.fields.count > n {
            try sink.malformed(file, r.line, "row has \(r.fields.count) fields, the header has \(n)",
                               "quote fields that contain the delimiter")
            return
        }
        guard columns.text < r.fields.count else {
            try sink.malformed(file, r.line, "row has \(r.fields.count) fields, the text column is number \(columns.text + 1)",
                               "complete the row or remove it")
            return
        }
        if r.fields.contains(where: { $0.contains(0) }) {
            try sink.malformed(file, r.line, "binary data (NUL bytes) in the row", "is this a text file? remove the row")
            return
        }
        var replaced = false
        func field(_ i: Int?) -> String? {
            guard let i, i < r.fields.count else { return nil }
            let (s, bad) = UTF8Text.decode(r.fields[i])
            if bad { replaced = true }
            return s
        }
        let text = field(columns.text) ?? ""
        var id = field(columns.id)?.trimmingCharacters(in: .whitespaces) ?? ""
        if id.isEmpty { id = FNV1a.shortID(text) }
        let gold = field(columns.gold).flatMap { $0.isEmpty ? nil : $0 }
        let ts = field(columns.ts).flatMap { $0.isEmpty ? nil : $0 }
        let source = field(columns.source).flatMap { $0.isEmpty ? nil : $0 }
        var meta: [String: String] = [:]
        let used = Set([columns.text, columns.id, columns.gold, columns.ts, columns.source].compactMap { $0 })
        for i in 0..<min(n, r.fields.count) where !used.contains(i) {
            if let v = field(i), !v.isEmpty { meta[columns.names[i]] = v }
        }
        try sink.add(Message(id: id, text: text, gold: gold, ts: ts, source: source, meta: meta),
                     file: file, fileIndex: fileIndex, line: r.line, replacedUTF8: replaced)
    }
}
