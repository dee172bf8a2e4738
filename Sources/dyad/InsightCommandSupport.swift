import Core
import Engine
import Foundation
import Insight
import Journal

/// What `insight` and `clusters` share: load messages (and labels, lexicon, model from a workspace), build the input.
enum InsightCommandSupport {
    /// The input for ``InsightReport/compute(_:parts:)``: messages, and when the workspace exists its decisions.
    static func input(_ a: InsightArguments) throws -> InsightInput {
        var options = InsightOptions()
        options.clusters.k = a.clusterCount
        options.clusters.seed = a.seed
        if let ws = a.workspace, FileManager.default.fileExists(atPath: ws + "/journal.jsonl") {
            let loaded = try JournalCommandSupport.load(workspace: ws, files: a.files)
            guard loaded.store.count > 0 else { throw InsightError.noMessages(files: a.files) }
            var input = InsightInput(store: loaded.store, options: options)
            for (id, decision) in loaded.state.decisions {
                if let i = loaded.store.index(ofID: id) { input.labels[i] = decision.label }
            }
            if !input.labels.isEmpty { input.classifier = JournalCommandSupport.model(loaded) }
            for entry in loaded.state.lexicon { input.excludedSuggestions.insert(TermLabel(term: entry.term, label: entry.label)) }
            for change in loaded.state.rejectedSuggestions {
                if let label = change.label {
                    input.excludedSuggestions.insert(TermLabel(term: change.term, label: label))
                } else {
                    input.excludedTerms.insert(change.term)
                }
            }
            input.excludedTerms.formUnion(loaded.state.suppressedTerms)
            return input
        }
        if let ws = a.workspace {
            FileHandle.standardError.write(Data("note: no journal in \(ws); showing insights without labels\n".utf8))
        }
        let imported = try MessageImporter.load(paths: a.files)
        if !imported.problems.isEmpty {
            FileHandle.standardError.write(Data("note: \(imported.problems.count) import problems (run `dyad validate` to list them)\n".utf8))
        }
        guard imported.store.count > 0 else { throw InsightError.noMessages(files: a.files) }
        return InsightInput(store: imported.store, options: options)
    }

    /// Writes `data` and a newline to standard output.
    static func printData(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data([10]))
    }
}
