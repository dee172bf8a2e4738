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

    /// Labels the next `count` messages the queue shows with their gold labels, by digit.
    func teach(_ count: Int) throws {
        for _ in 0..<count {
            guard let id = Analyst.messageID(try analyst.idle()), let gold = sample.gold[id], let key = sample.key(of: gold) else {
                throw TeachError.noMessage
            }
            _ = try analyst.decide(key, expecting: gold)
        }
    }

    /// The queue showed no message with a gold label to teach.
    enum TeachError: Error { case noMessage }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
