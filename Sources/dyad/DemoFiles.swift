import Foundation
import Journal
import Workbench

/// Finding and loading the data of `dyad demo`.
enum DemoFiles {
    /// Errors finding the demo data.
    enum Failure: Error, CustomStringConvertible {
        case noSample([String])

        var description: String {
            switch self {
            case .noSample(let looked):
                "the bundled sample was not found (looked at \(looked.joined(separator: ", "))); pass a message file with gold labels"
            }
        }
    }

    /// `SampleData/threats.jsonl` in the current folder, else beside (or above) the executable.
    static func bundledSample() throws -> String {
        var looked: [String] = []
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var dirs = [cwd]
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 where dir.path != "/" {
            dirs.append(dir)
            dir.deleteLastPathComponent()
        }
        for d in dirs {
            let candidate = d.appendingPathComponent("SampleData/threats.jsonl")
            looked.append(candidate.path)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
        throw Failure.noSample(looked)
    }

    /// The demo data of `path`: tested on `test`, else on `heldout.jsonl` beside it, else on a seeded 20% holdout.
    static func load(_ path: String, test: String?, seed: UInt64) throws -> DemoData {
        let store = try MessageImporter.load(paths: [path]).store
        let beside = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("heldout.jsonl").path
        let testPath = test ?? (FileManager.default.fileExists(atPath: beside)
            && URL(fileURLWithPath: path).standardizedFileURL.path != URL(fileURLWithPath: beside).standardizedFileURL.path ? beside : nil)
        guard let testPath else { return DemoData(store: store, test: nil, seed: seed) }
        let testStore = try MessageImporter.load(paths: [testPath]).store
        return DemoData(store: store, test: testStore, testSource: testPath, seed: seed)
    }
}
