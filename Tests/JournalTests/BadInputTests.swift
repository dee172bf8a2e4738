import Core
import Foundation
@testable import Journal
import Testing

/// A corpus of bad inputs: each gives a clear report and never a crash.
@Suite struct BadInputTests {
    static let cases: [(name: String, bytes: [UInt8])] = {
        var c: [(String, [UInt8])] = []
        c.append(("truncated.jsonl", Array("{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\",\"te".utf8)))
        c.append(("types.jsonl", Array("{\"id\":{},\"text\":\"a\"}\n{\"id\":\"2\",\"text\":null}\n{\"text\":[1]}\n\"str\"\n12\n".utf8)))
        var garbage = SeededRandom(seed: 7)
        c.append(("garbage.bin", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &garbage) }))
        c.append(("garbage.jsonl", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &garbage) }))
        c.append(("garbage.csv", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &garbage) }))
        c.append(("utf8.txt", [0xC3, 0x28, 0x0A, 0xE2, 0x82, 0x0A, 0xF0, 0x9F, 0x98, 0x0A, 0xFF, 0x0A]))
        c.append(("huge.jsonl", Array("{\"id\":\"big\",\"text\":\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 10 << 20) + Array("\"}\n".utf8)))
        c.append(("huge.txt", Array(repeating: UInt8(ascii: "b"), count: 10 << 20)))
        c.append(("unbalanced.csv", Array("id,text\n1,\"open\n2,x\n".utf8)))
        c.append(("empty.jsonl", []))
        c.append(("empty.csv", []))
        c.append(("empty.txt", []))
        c.append(("bom.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"text\":\"with bom\"}\n".utf8)))
        c.append(("bom.csv", [0xEF, 0xBB, 0xBF] + Array("text\nwith bom\n".utf8)))
        c.append(("utf16.txt", [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00]))
        c.append(("crlf.jsonl", Array("{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n".utf8)))
        c.append(("crlf.csv", Array("id,text\r\n1,\"x\r\ny\"\r\n2,z\r\n".utf8)))
        c.append(("array.json", Array("[{\"text\":\"a\"},{\"text\":\"b\"}]".utf8)))
        c.append(("deep.jsonl", Array(repeating: UInt8(ascii: "["), count: 200_000)))
        c.append(("headeronly.csv", Array("id,text\n".utf8)))
        c.append(("nul.txt", Array("a\u{0}b\nok\n".utf8)))
        return c
    }()

    @Test(arguments: 0..<cases.count) func badInputGivesAReportNotACrash(_ i: Int) throws {
        let (name, bytes) = Self.cases[i]
        let path = Fixtures.file(name, bytes)
        let r = try MessageImporter.load(paths: [path])
        let c = r.counts
        // Every row is either loaded or accounted for; anything that did not load says why.
        if c.loaded == 0 { #expect(!r.problems.isEmpty, "\(name): nothing loaded and no problem reported") }
        for p in r.problems {
            #expect(!p.message.isEmpty && p.file == path, "\(name): unclear problem \(p)")
        }
    }

    @Test func specificReports() throws {
        func run(_ name: String) throws -> ImportResult {
            let c = try #require(Self.cases.first { $0.name == name })
            return try MessageImporter.load(paths: [Fixtures.file(c.name, c.bytes)])
        }
        #expect(try run("truncated.jsonl").problems.first?.line == 2)
        #expect(try run("types.jsonl").counts.malformed == 5)
        #expect(try run("huge.jsonl").counts.truncatedForDisplay == 1)
        #expect(try run("huge.txt").counts.loaded == 1)
        #expect(try run("unbalanced.csv").problems.first?.line == 2)
        #expect(try run("empty.txt").problems.first?.message == "file is empty")
        #expect(try run("bom.jsonl").store.text(0) == "with bom")
        #expect(try run("bom.csv").store.text(0) == "with bom")
        #expect(try run("utf16.txt").problems.first?.message.contains("UTF-16") == true)
        #expect(try run("crlf.jsonl").counts.loaded == 2)
        let crlf = try run("crlf.csv")
        #expect(crlf.counts.loaded == 2 && crlf.store.text(0) == "x\r\ny")
        #expect(try run("array.json").problems.first?.hint.contains("jq") == true)
        let utf8 = try run("utf8.txt")
        #expect(utf8.counts.invalidUTF8Replaced == 2 && utf8.counts.duplicateIDs == 2)
        #expect(try run("nul.txt").counts.loaded == 1)
    }
}
