import ArgumentParser
import Foundation
import Journal

/// `dyad export`: the latest decision per message (undo honoured) as JSONL, CSV, Prodigy or Label Studio.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the latest decision per message (jsonl, csv, prodigy, labelstudio).")

    @Option(name: .long, help: "Workspace folder (default: .dyad beside the first file, else ./.dyad).")
    var workspace: String?

    @Option(name: .long, help: "Output format: jsonl, csv, prodigy or labelstudio.")
    var format: String = "jsonl"

    @Flag(name: .long, help: "Add the current model's label, confidence and influential words.")
    var includePredictions = false

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    @Argument(help: "Message files (default: the files of the last session in the journal).")
    var files: [String] = []

    func run() throws {
        guard let f = ExportFormat(rawValue: format.lowercased()) else {
            throw ValidationError("unknown format '\(format)'; use one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let loaded = try JournalCommandSupport.load(workspace: WorkspaceArgument.resolve(workspace, files: files), files: files)
        var exporter = Exporter(state: loaded.state, store: loaded.store)
        if includePredictions {
            let model = JournalCommandSupport.model(loaded)
            let store = loaded.store
            exporter.predict = { i in JournalCommandSupport.predict(model, store.text(i)) }
        }
        let (bytes, summary) = exporter.export(f)
        try JournalCommandSupport.write(bytes, to: out)
        var note = "exported \(summary.written) decisions as \(f.rawValue)"
        if !summary.missingMessages.isEmpty {
            note += "; \(summary.missingMessages.count) decided messages are not in the given files (e.g. \(summary.missingMessages[0]))"
        }
        FileHandle.standardError.write(Data((note + "\n").utf8))
    }
}
