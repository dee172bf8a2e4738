import ArgumentParser
import Core
import Foundation
import Journal
import NcursesTerminal
import Terminal
import Workbench

/// `dyad triage FILE…`: the analyst's workbench.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Label a queue of messages at the keyboard while the model learns from every decision."
    )

    @Argument(help: "Message files: JSON Lines, CSV with a header, or plain text (one message per line).")
    var files: [String]

    @Option(help: "Workspace folder (default: .dyad beside the first file).")
    var workspace: String?

    @Option(help: "Analyst name written into the journal (default: your login name).")
    var analyst: String?

    @Option(help: "Labels to start with, comma-separated (default: the workspace's, or the gold labels in the file).")
    var labels: String?

    @Option(help: "Queue order: \(QueueStrategy.allCases.map(\.rawValue).joined(separator: ", ")) (default: the workspace's setting, else the order of the last decision, else margin).")
    var strategy: String?

    @Option(help: "Colour theme: default, light, high-contrast, or a file name in Themes/.")
    var theme: String = "default"

    @Flag(help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Open without taking the workspace lock; nothing is saved.")
    var readOnly = false

    @Option(help: "Decisions per learning cycle (default: the workspace's, 25).")
    var cycleLength: Int?

    @Option(help: "A labeled file (gold labels) scored at each cycle close: held-out macro-F1.")
    var heldOut: String?

    func validate() throws {
        if let strategy, QueueStrategy(rawValue: strategy) == nil {
            throw ValidationError("unknown strategy `\(strategy)`; choose one of \(QueueStrategy.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let cycleLength, cycleLength < 1 { throw ValidationError("--cycle-length must be at least 1.") }
    }

    func run() throws {
        do {
            try TerminalPreflight.check(environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let options = SessionOptions(files: files, workspace: workspace, analyst: analyst,
                                     labels: labels.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [],
                                     strategy: strategy.flatMap(QueueStrategy.init(rawValue:)), theme: theme, noColor: noColor,
                                     readOnly: readOnly, cycleLength: cycleLength, heldOut: heldOut)
        let session: LoadedSession
        do {
            session = try SessionLoader.load(options, keyMap: KeyConfig.load())
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(1)
        }
        for line in session.report { FileHandle.standardError.write(Data("dyad: \(line)\n".utf8)) }
        let (backend, app) = try WorkbenchLauncher.start(session, noColor: noColor)
        let exit = app.run()
        backend.stop()
        // While the workspace lock is still held: the next start then replays only what follows.
        if let problem = app.saveSnapshot(in: session.workspace.directory) {
            FileHandle.standardError.write(Data("dyad: \(problem)\n".utf8))
        }
        session.workspace.close()
        let saved = app.state.journal.decisions.count
        switch exit {
        case .signal(let sig):
            FileHandle.standardError.write(Data("dyad: stopped by signal \(sig); \(saved) decisions are in the journal.\n".utf8))
            throw ExitCode(128 + sig)
        case .quit, .endOfInput:
            print("dyad: \(saved) decisions saved in \(session.workspace.journalURL.path)")
        }
    }
}
