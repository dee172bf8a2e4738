import ArgumentParser
import Core
import Foundation
import Journal

/// Hidden `dyad journal stress`: appends label events and prints `saved <seq>` after each fsync (for crash tests).
struct JournalStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress", abstract: "Append label events, printing `saved <seq>` after each one is durable.",
        shouldDisplay: false)

    @Option(name: .long, help: "Workspace folder.")
    var workspace: String

    @Option(name: .long, help: "Number of events to append.")
    var count: Int = 1000

    @Option(name: .long, help: "Analyst name.")
    var analyst: String = "stress"

    func run() throws {
        let ws = try Workspace.open(directory: URL(fileURLWithPath: workspace), create: true, actor: analyst)
        if let r = ws.recoveryReport { FileHandle.standardError.write(Data("\(r)\n".utf8)) }
        let labels = ["phishing", "malware", "benign"]
        for k in 0..<count {
            let seq = ws.nextSeq
            let d = LabelDecision(messageID: "m\(seq)", label: labels[k % 3], predicted: labels[(k + 1) % 3],
                                  confidence: 0.5, strategy: .margin, ms: k % 1000)
            let r = try ws.append(.label(d))
            FileHandle.standardOutput.write(Data("saved \(r.seq)\n".utf8))
        }
    }
}
