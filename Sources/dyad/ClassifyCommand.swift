import ArgumentParser
import Core
import Foundation
import Engine
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

    @Option(name: .customLong("why-not"),
            help: ArgumentHelp("Also weigh each message's label against this one: its probability and the words for and against it.",
                               valueName: "label"))
    var whyNot: String?

    @Argument(help: "The file to classify.")
    var file: String

    func run() throws {
        let loaded = try JournalCommandSupport.load(workspace: workspace, files: messages)
        let model = JournalCommandSupport.model(loaded)
        if let r = whyNot, !model.labels.contains(r) {
            let known = model.labels.isEmpty ? "it has learned no label yet" : "it has \(model.labels.joined(separator: ", "))"
            throw ValidationError("--why-not \(r): the model has no such label (\(known)); name one of its labels")
        }
        let input = try MessageImporter.load(paths: [file])
        for p in input.problems.prefix(20) { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
        var bytes: [UInt8] = []
        for i in 0..<input.store.count {
            var o = JSONObject([("id", .string(input.store.id(i)))])
            let text = input.store.text(i), prediction = model.predict(text)
            if let p = JournalCommandSupport.predict(model, text, prediction: prediction) {
                o.append("label", .string(p.label))
                o.append("confidence", .double(p.confidence))
                o.append("words", .array(p.words.map { .string($0) }))
                if let r = whyNot { o.append("why_not", Self.whyNot(model, text, prediction: prediction, top: p.label, rival: r)) }
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

    /// The label's probability and, unless it is the model's own label, the words that favour
    /// the model's label over it (`for_model`) and it over the model's label (`for_it`).
    static func whyNot(_ model: Classifier, _ text: String, prediction p: Prediction, top: String, rival: String,
                       words: Int = 5) -> JSONValue {
        var o = JSONObject([("label", .string(rival))])
        o.append("probability", p.labels.firstIndex(of: rival).map { .double(p.probabilities[$0]) } ?? .null)
        guard rival != top, let e = model.explain(text, target: top, rival: rival)?.byToken() else {
            o.append("for_model", .array([]))
            o.append("for_it", .array([]))
            return .object(o)
        }
        o.append("for_model", .array(e.supporting(words).map { .string($0.token) }))
        o.append("for_it", .array(e.opposing(words).map { .string($0.token) }))
        return .object(o)
    }
}
