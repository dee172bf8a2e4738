import Core
import Engine
import Foundation
import Journal
import Workbench

/// What `export` and `classify` share: open a workspace read-only, load its messages, rebuild the model.
enum JournalCommandSupport {
    /// The workspace (read-only), its fold and the messages the journal was made on.
    struct Loaded {
        var workspace: Workspace
        var state: JournalState
        var store: MessageStore
    }

    /// Opens `workspace` read-only and imports `files` (or the files of the last session in the journal).
    static func load(workspace: String, files: [String]) throws -> Loaded {
        let dir = URL(fileURLWithPath: workspace)
        let ws = try Workspace.open(directory: dir, create: false, readOnly: true, actor: Workspace.defaultActor())
        for p in ws.problems.prefix(5) { FileHandle.standardError.write(Data("warning: journal.jsonl:\(p.line): \(p.reason)\n".utf8)) }
        let state = JournalState(records: ws.records, labels: LabelSet(names: []))
        var paths = files
        if paths.isEmpty {
            let last = state.sessions.last?.files ?? []
            paths = last.map { resolve($0, workspace: dir) }
        }
        guard !paths.isEmpty else {
            throw JournalError.importFailed(file: workspace, line: 0,
                                            reason: "no messages file given and none recorded in the journal — name the messages FILE")
        }
        let imported = try MessageImporter.load(paths: paths)
        if !imported.problems.isEmpty {
            FileHandle.standardError.write(Data("note: \(imported.problems.count) import problems (run `dyad validate` to list them)\n".utf8))
        }
        return Loaded(workspace: ws, state: state, store: imported.store)
    }

    /// A recorded path as given, else relative to the folder that holds the workspace.
    static func resolve(_ path: String, workspace: URL) -> String {
        if FileManager.default.fileExists(atPath: path) { return path }
        let alt = workspace.deletingLastPathComponent().appendingPathComponent(path).path
        return FileManager.default.fileExists(atPath: alt) ? alt : path
    }

    /// The model rebuilt from the journal, as the live session built it.
    static func model(_ l: Loaded, config: EngineConfig = EngineConfig()) -> Classifier {
        ModelReplay.rebuild(records: l.workspace.records, state: l.state, store: l.store, config: config,
                            snapshot: ModelSnapshot.url(in: l.workspace.directory))
    }

    /// Label, confidence and the top supporting words of a text.
    static func predict(_ model: Classifier, _ text: String, prediction: Prediction? = nil, words: Int = 5) -> ExportPrediction? {
        let p = prediction ?? model.predict(text)
        guard let top = p.top else { return nil }
        let w = model.explain(text)?.byToken().supporting(words).map(\.token) ?? []
        return (top, p.confidence, w)
    }

    /// Writes bytes to `out`, or to standard output.
    static func write(_ bytes: [UInt8], to out: String?) throws {
        if let out {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: out))
            } catch {
                throw JournalError.exportFailed(reason: "cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
