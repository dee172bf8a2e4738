import Core
import Foundation
@testable import Journal
import Testing

@Suite struct ImportTests {
    func load(_ name: String, _ text: String, _ options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try MessageImporter.load(paths: [Fixtures.file(name, text)], options: options)
    }

    @Test func jsonlShapesOfOtherTools() throws {
        let r = try load("m.jsonl", """
            {"id":"a1","text":"reset your password","label":"phishing","ts":"2026-01-02","source":"mail","meta":{"lang":"en"}}
            {"id":7,"text":"lunch at noon","gold":"benign"}
            {"text":"prodigy shape","meta":{"source":"forum","score":0.5}}
            {"data":{"text":"label studio shape","id":"ls-1"}}

            """)
        #expect(r.problems.isEmpty)
        #expect(r.counts.loaded == 4)
        let s = r.store
        #expect(s[0] == Message(id: "a1", text: "reset your password", gold: "phishing", ts: "2026-01-02", source: "mail", meta: ["lang": "en"]))
        #expect(s.id(1) == "7" && s.gold(1) == "benign")
        #expect(s.source(2) == "forum" && s[2].meta == ["score": "0.5"])
        #expect(s.id(2) == FNV1a.shortID("prodigy shape") && s.id(2).count == 12)
        #expect(s.id(3) == "ls-1" && s.text(3) == "label studio shape")
    }

    @Test func jsonlProblemsCarryLineNumbersAndTheRestLoads() throws {
        let r = try load("m.jsonl", """
            {"id":"1","text":"ok"}
            {"id":"2","text":
            {"id":"3","text":42}
            {"id":"4"}
            [1,2]
            {"id":"1","text":"dup"}
            {"id":"5","text":"   "}
            {"id":"6","text":"fine","label":["x"]}
            """)
        #expect(r.counts.loaded == 2)
        #expect(r.counts.malformed == 4)
        #expect(r.counts.duplicateIDs == 1)
        #expect(r.counts.skippedEmpty == 1)
        let lines = r.problems.map(\.line)
        #expect(lines == [2, 3, 4, 5, 6, 8])
        #expect(r.problems[0].message.contains("invalid JSON"))
        #expect(r.problems[1].message.contains("'text' is a number"))
        #expect(r.problems[4].message.contains("first at") && r.problems[4].message.contains(":1"))
        #expect(r.problems[5].skipped == false)
    }

    @Test func csvWithQuotesNewlinesAndDetectedDelimiter() throws {
        let r = try load("m.csv", "id;text;label;channel\r\n1;\"hello; \"\"world\"\"\nsecond line\";spam;mail\r\n2;plain;;chat\r\n")
        #expect(r.problems.isEmpty)
        #expect(r.counts.loaded == 2)
        #expect(r.store.text(0) == "hello; \"world\"\nsecond line")
        #expect(r.store.gold(0) == "spam" && r.store.gold(1) == nil)
        #expect(r.store[1].meta == ["channel": "chat"])
    }

    @Test func csvColumnsByNameAndClearErrorForUnknownColumn() throws {
        let text = "key,body,x\nk1,first,1\nk2,second,2\n"
        let r = try load("m.csv", text, ImportOptions(textColumn: "body", idColumn: "key"))
        #expect(r.store.id(1) == "k2" && r.store.text(1) == "second")
        let bad = try load("m.csv", text, ImportOptions(textColumn: "nope"))
        #expect(bad.counts.loaded == 0)
        #expect(bad.problems.first?.message.contains("columns: key, body, x") == true)
        let guess = try load("m.csv", "a,b\n1,2\n")
        #expect(guess.problems.first?.hint.contains("--text-column") == true)
    }

    @Test func csvUnbalancedQuoteNamesTheLineWhereTheFieldStarted() throws {
        let r = try load("m.csv", "id,text\n1,fine\n2,\"never closed\n3,lost\n4,lost too\n")
        #expect(r.counts.loaded == 1)
        let p = try #require(r.problems.first)
        #expect(p.line == 3)
        #expect(p.message.contains("unbalanced quote"))
    }

    @Test func csvRowWithTooManyFieldsIsSkipped() throws {
        let r = try load("m.csv", "id,text\n1,a,b\n2,ok\n")
        #expect(r.counts.loaded == 1 && r.counts.malformed == 1 && r.problems.first?.line == 2)
    }

    @Test func plainTextBOMCRLFAndEmptyLines() throws {
        let r = try load("m.txt", "\u{FEFF}first message\r\n\r\nsecond message\r\n   \nthird")
        #expect(r.counts.loaded == 3)
        #expect(r.counts.skippedEmpty == 2)
        #expect(r.store.text(0) == "first message" && r.store.text(2) == "third")
    }

    @Test func invalidUTF8IsReplacedAndCounted() throws {
        var bytes = Array("ok line\n".utf8)
        bytes += [0x62, 0x61, 0x64, 0xFF, 0xFE, 0x20, 0x78, 10]
        bytes += Array(#"{"text":"x"#.utf8) + [0xC3] + Array("\"}\n".utf8)
        let r1 = try MessageImporter.load(paths: [Fixtures.file("m.txt", bytes)])
        #expect(r1.counts.loaded == 3 && r1.counts.invalidUTF8Replaced == 2)
        #expect(r1.store.text(1).contains("\u{FFFD}"))
        let r2 = try MessageImporter.load(paths: [Fixtures.file("m.jsonl", Array(#"{"text":"x"#.utf8) + [0xC3] + Array("\"}\n".utf8))])
        #expect(r2.counts.loaded == 1 && r2.counts.invalidUTF8Replaced == 1)
    }

    @Test func strictStopsAtTheFirstProblem() throws {
        let path = Fixtures.file("m.jsonl", "{\"text\":\"a\"}\n{bad\n{\"text\":\"c\"}\n")
        do {
            _ = try MessageImporter.load(paths: [path], options: ImportOptions(strict: true))
            Issue.record("strict import did not stop")
        } catch let e as JournalError {
            guard case .importFailed(let file, let line, let reason) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(file == path && line == 2 && reason.contains("invalid JSON"))
        }
    }

    @Test func filesHashAndMultipleFiles() throws {
        let a = Fixtures.file("a.txt", "one\ntwo\n")
        let b = Fixtures.file("b.jsonl", "{\"id\":\"x\",\"text\":\"three\"}\n")
        let r = try MessageImporter.load(paths: [a, b])
        #expect(r.counts.loaded == 3 && r.files.map(\.loaded) == [2, 1])
        var h = FNV1a()
        h.combine(Array("one\ntwo\n{\"id\":\"x\",\"text\":\"three\"}\n".utf8))
        #expect(r.filesHash == h.hex)
        #expect(throws: JournalError.self) { _ = try MessageImporter.load(paths: ["/nonexistent/file.txt"]) }
    }

    @Test func followerReadsOnlyCompleteAppendedLines() throws {
        let path = Fixtures.file("live.jsonl", "{\"id\":\"1\",\"text\":\"first\"}\n")
        let r = try MessageImporter.load(paths: [path])
        var store = r.store
        var f = try MessageFollower(path: path, offset: r.files[0].bytesRead, lines: r.files[0].lines)
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile()
        h.write(Data("{\"id\":\"2\",\"text\":\"second\"}\n{\"id\":\"3\",\"te".utf8))
        let a = try f.poll(into: &store)
        #expect(a.added == 1..<2 && store.text(1) == "second")
        h.write(Data("xt\":\"third\"}\n{\"id\":\"1\",\"text\":\"dup\"}\n".utf8))
        let b = try f.poll(into: &store)
        #expect(b.added == 2..<3 && store.text(2) == "third")
        #expect(b.problems.first?.line == 4)
        try h.close()
    }

    @Test func followerOfCSVKeepsTheHeader() throws {
        let path = Fixtures.file("live.csv", "id,text\n1,first\n")
        let r = try MessageImporter.load(paths: [path])
        var store = r.store
        var f = try MessageFollower(path: path, offset: r.files[0].bytesRead, lines: r.files[0].lines)
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seekToEndOfFile()
        h.write(Data("2,\"second, quoted\"\n".utf8))
        _ = try f.poll(into: &store)
        #expect(store.count == 2 && store.id(1) == "2" && store.text(1) == "second, quoted")
        try h.close()
    }
}
