import ArgumentParser
import Foundation
import Journal

/// `dyad classify`: applies the model rebuilt from the journal to a file; JSONL with label, confidence, top words.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify", abstract: "Label new messages with the model rebuilt from a workspace's journal.")

    @Option(name: .long, help: "Workspace folder.")
    var workspace: String = ".dyad"

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    @Option(name: .long, help: "Messages the journal's decisions refer to (default: the files of its last session).")
    var messages: [String] = []

    @Argument(help: "The file to classify.")
    var file: String

    func run() throws {
        let loaded = try JournalCommandSupport.load(workspace: workspace, files: messages)
        let model = JournalCommandSupport.model(loaded)
        let input = try MessageImporter.load(paths: [file])
        for p in input.problems.prefix(20) { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
        var bytes: [UInt8] = []
        for i in 0..<input.store.count {
            var o = JSONObject([("id", .string(input.store.id(i)))])
            if let p = JournalCommandSupport.predict(model, input.store.text(i)) {
                o.append("label", .string(p.label))
                o.append("confidence", .double(p.confidence))
                o.append("words", .array(p.words.map { .string($0) }))
            } else {
                o.append("label", .null)
                o.append("confidence", .null)
                o.append("words", .array([]))
            }
            JSONWriter.write(.object(o), into: &bytes)
            bytes.append(10)
        }
        try JournalCommandSupport.write(bytes, to: out)
        FileHandle.standardError.write(Data("classified \(input.store.count) messages with \(model.labels.count) labels\n".utf8))
    }
}
