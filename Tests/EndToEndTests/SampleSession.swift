import Foundation
import TestSupport

/// An analyst at `dyad triage` on the bundled sample, in a fresh temporary folder
/// that goes when the session does.
final class SampleSession {
    let sample: SampleSet
    let folder: URL
    let analyst: Analyst

    /// Starts the session in a folder named after `tag`, with extra `triage` arguments.
    init(_ tag: String, arguments: [String] = []) throws {
        let binary = try TestSupport.dyadBinary()
        sample = try SampleSet()
        folder = TestSupport.tempDir(tag)
        analyst = try Analyst(binary: binary, file: sample.url, folder: folder, workspace: "ws", arguments: arguments)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
