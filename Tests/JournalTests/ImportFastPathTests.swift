import Core
import Foundation
@testable import Journal
import Testing

/// The fast JSON Lines path (`JSONLFastRow`, rows read on both cores) loads exactly what the
/// full parser (`JSONLRow`) loads, with the same problems, line numbers and counts.
@Suite struct ImportFastPathTests {
    /// Lines of every kind: the common shape, variants the fast path takes, and lines it must
    /// decline (other keys, numbers, `\u` escapes, invalid UTF-8, blank texts, syntax errors).
    static let variants: [[UInt8]] = [
        #"{"id":"a","text":"plain text here","gold":"phishing"}"#,
        #"{ "text" : "spaces around tokens" , "id" : "b" }"#,
        #"{"id":"c","text":"escapes \"quoted\" \\ back\/slash\ttab\nnew line","label":"benign"}"#,
        #"{"id":"d","text":"gold wins over label","label":"x","gold":"y"}"#,
        #"{"id":"","text":"empty id is derived from the text"}"#,
        #"{"text":"no id at all"}"#,
        #"{"id":"e","text":"unicode ünïcödé – 日本語 🙂"}"#,
        #"{"id":"f","text":"\u0041 unicode escape"}"#,
        #"{"id":"g","text":"extra key","ts":"2026-01-01"}"#,
        #"{"id":7,"text":"integer id"}"#,
        #"{"id":"h","text":"   "}"#,
        #"{"id":"i","text":"\u3000"}"#,
        #"{"id":"j","text":"dup key","text":"second"}"#,
        #"{"id":"k","text":"trailing garbage"} x"#,
        #"{"id":"l","text":"unterminated"#,
        #"{"id":"a","text":"duplicate id of the first line"}"#,
        #"{"id":"m","text":42}"#,
        #"{"id":"n","text":"meta","meta":{"source":"forum"}}"#,
        #"{"id":"o","text":"null gold","gold":null}"#,
        #"{"id":"p","text":"crlf line"}"# + "\r",
        "{\"id\":\"q\",\"text\":\"raw\ttab inside\"}",
        #"{}"#,
        #"["not","an","object"]"#,
        "   ",
    ].map { Array($0.utf8) } + [
        Array(#"{"id":"r","text":"bad utf8 "#.utf8) + [0xC3, 0x28] + Array(#" here"}"#.utf8),
        Array(#"{"id":"s","text":"nul "#.utf8) + [0] + Array(#""}"#.utf8),
        Array(#"{"id":"t","text":"bad utf8 in gold","gold":""#.utf8) + [0xFF] + Array(#""}"#.utf8),
    ]

    /// The reference: every line through the full parser, one by one.
    static func reference(_ lines: [[UInt8]], file: String) throws -> ImportSink {
        var sink = ImportSink(options: ImportOptions())
        sink.fileNames = [file]
        for (k, l) in lines.enumerated() {
            var bytes = l
            if bytes.last == 13 { bytes.removeLast() }
            if bytes.contains(0) {
                try sink.malformed(file, k + 1, "binary data (NUL bytes) in the line", "is this a text file? remove the line")
                continue
            }
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            try bytes.withUnsafeBufferPointer { try JSONLRow.importLine($0, file: file, fileIndex: 0, line: k + 1, sink: &sink) }
        }
        return sink
    }

    static func check(_ lines: [[UInt8]]) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fast-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(lines.flatMap { $0 + [10] }).write(to: url)
        let got = try MessageImporter.load(paths: [url.path])
        let want = try reference(lines, file: url.path)
        #expect(got.store.count == want.store.count)
        for i in 0..<min(got.store.count, want.store.count) {
            #expect(got.store[i] == want.store[i], "message \(i)")
        }
        #expect(got.problems == want.problems)
        #expect(got.counts.loaded == want.counts.loaded)
        #expect(got.counts.malformed == want.counts.malformed)
        #expect(got.counts.duplicateIDs == want.counts.duplicateIDs)
        #expect(got.counts.invalidUTF8Replaced == want.counts.invalidUTF8Replaced)
        #expect(got.counts.skippedEmpty == want.counts.skippedEmpty)
    }

    @Test func fewLinesMatchTheFullParser() throws {
        try Self.check(Self.variants)
    }

    /// Enough lines per chunk that they are read on both cores, with the odd lines spread through.
    @Test func manyLinesReadInParallelMatchTheFullParser() throws {
        var lines: [[UInt8]] = []
        for i in 0..<6000 {
            if i % 97 == 0 {
                // Repeated variants also repeat their ids: duplicates are reported the same way.
                lines.append(Self.variants[(i / 97) % Self.variants.count])
            } else {
                lines.append(Array(#"{"id":"n\#(i)","text":"message \#(i) about host WS-\#(i % 50)","gold":"g\#(i % 7)"}"#.utf8))
            }
        }
        try Self.check(lines)
    }

    @Test func acceptedRowsAreTheCommonShapeOnly() {
        func parses(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { JSONLFastRow.parse($0) != nil } }
        #expect(parses(#"{"id":"a","text":"hello","gold":"x"}"#))
        #expect(parses(#"{"text":"with \"escape\""}"#))
        #expect(!parses(#"{"id":"a","text":"\u0041"}"#))
        #expect(!parses(#"{"id":1,"text":"number id"}"#))
        #expect(!parses(#"{"id":"a","text":"x","meta":{}}"#))
        #expect(!parses(#"{"id":"a","text":"   "}"#))
        #expect(!parses(#"{"id":"a","text":"x"} trailing"#))
    }
}
