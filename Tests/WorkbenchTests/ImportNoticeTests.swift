import Foundation
import Journal
import Testing
@testable import Workbench

/// The workbench opens with a warning when the import skipped or repaired rows: the list on
/// standard error is hidden by the screen, so the status row names the file, the counts and
/// the first skipped line.
@Suite struct ImportNoticeTests {
    static func load(_ bytes: [UInt8]) throws -> (Flash?, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("import-notice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mix.jsonl")
        try Data(bytes).write(to: file)
        let result = try MessageImporter.load(paths: [file.path], options: ImportOptions())
        return (ImportNotice.flash(result), file.path)
    }

    @Test func skippedAndRepairedRowsAreNamedWithTheFirstLine() throws {
        var bytes = Array("{\"text\":\"ok one\"}\n{\"text\": broken\n{\"text\":\"bad ".utf8)
        bytes += [0xFF, 0xFE] + Array(" utf\"}\n\n{\"text\":\"  \"}\n".utf8)
        let (flash, path) = try Self.load(bytes)
        let f = try #require(flash)
        #expect(f.kind == .warning)
        #expect(f.text == "\(path): 2 rows skipped (line 2: invalid JSON); 1 had bad UTF-8 — see dyad validate")
    }

    @Test func aCleanImportSaysNothing() throws {
        let (flash, _) = try Self.load(Array("{\"text\":\"ok one\"}\n{\"text\":\"ok two\"}\n".utf8))
        #expect(flash == nil)
    }

    @Test func oneSkippedRowIsSingular() throws {
        let (flash, path) = try Self.load(Array("{\"text\":\"ok\"}\n{\"text\":\"ok\",\"id\":\"a\"}\n{\"text\":\"again\",\"id\":\"a\"}\n".utf8))
        let f = try #require(flash)
        #expect(f.text.hasPrefix("\(path): 1 row skipped (line 3: "), "\(f.text)")
    }
}
