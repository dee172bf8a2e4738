import ArgumentParser
import Foundation
import Journal

/// `dyad validate FILE…`: prints the import report (file:line: problem) without opening the workbench.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check message files and print what would be loaded and every problem.")

    @Argument(help: "Message files (JSON Lines, CSV with a header, or plain text).")
    var files: [String]

    @Flag(name: .long, help: "Stop at the first problem.")
    var strict = false

    @Option(name: .long, help: "CSV: the column holding the text.")
    var textColumn: String?

    @Option(name: .long, help: "CSV: the column holding the id.")
    var idColumn: String?

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let options = ImportOptions(textColumn: textColumn, idColumn: idColumn, strict: strict)
        let result: ImportResult
        do {
            result = try MessageImporter.load(paths: files, options: options)
        } catch let e as JournalError {
            if json {
                print(JSONWriter.string(.object(JSONObject([("ok", .bool(false)), ("error", .string(e.description))]))))
            } else {
                print(e.description)
            }
            throw ExitCode(1)
        }
        let c = result.counts
        if json {
            let problems: [JSONValue] = result.problems.map {
                .object(JSONObject([("file", .string($0.file)), ("line", .int($0.line)), ("message", .string($0.message)),
                                    ("hint", .string($0.hint)), ("skipped", .bool($0.skipped))]))
            }
            let counts = JSONObject([("lines", .int(c.lines)), ("loaded", .int(c.loaded)), ("skipped_empty", .int(c.skippedEmpty)),
                                     ("malformed", .int(c.malformed)), ("duplicate_ids", .int(c.duplicateIDs)),
                                     ("invalid_utf8_replaced", .int(c.invalidUTF8Replaced)),
                                     ("truncated_for_display", .int(c.truncatedForDisplay))])
            print(JSONWriter.string(.object(JSONObject([("ok", .bool(c.malformed == 0 && c.duplicateIDs == 0)),
                                                        ("files_hash", .string(result.filesHash)),
                                                        ("counts", .object(counts)), ("problems", .array(problems))]))))
        } else {
            for p in result.problems { print(p.description) }
            func n(_ k: Int, _ noun: String) -> String { "\(k) \(noun)\(k == 1 ? "" : "s")" }
            for f in result.files { print("\(f.path): \(f.format.rawValue), \(n(f.lines, "line")), \(n(f.loaded, "message"))") }
            print("\(n(c.loaded, "message")) loaded; \(c.skippedEmpty) empty skipped; \(c.malformed) malformed skipped; "
                  + "\(n(c.duplicateIDs, "duplicate id")) skipped; \(c.invalidUTF8Replaced) with invalid UTF-8 replaced; "
                  + "\(c.truncatedForDisplay) over 64 KiB (shown truncated)")
        }
        if c.malformed > 0 || c.duplicateIDs > 0 || c.loaded == 0 { throw ExitCode(1) }
    }
}
