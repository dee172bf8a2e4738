import ArgumentParser
import Core
import Foundation
import Journal
import Workbench

/// `dyad demo [FILE]`: the reciprocal loop driven by a simulated analyst, on screen or headless.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Show the reciprocal loop: a simulated analyst labels a data set with gold labels while the model learns.",
        discussion: """
            Without --headless the full workbench runs, driven by the simulated analyst, with a narration banner \
            and learning curves of active versus random order. Keys: space pause/resume, → one step, + / - speed, \
            h hand control to a person and back, q quit.
            With --headless both learners run without a screen and the curves are printed (--json for scripts).
            """
    )

    @Argument(help: "A message file with gold labels (default: the bundled SampleData/threats.jsonl).")
    var file: String?

    @Flag(help: "Run without a screen and print the learning curves.")
    var headless = false

    @Option(help: "Labels each learner gets (headless).")
    var labels: Int = 200

    @Flag(help: "Print one JSON object (headless).")
    var json = false

    @Option(help: "Probability that the simulated analyst gives a wrong label (0…1).")
    var noise: Double = 0.1

    @Option(help: "Seed of the random order, the analyst's mistakes and the holdout.")
    var seed: UInt64 = 42

    @Option(help: "Active queue order: \(QueueStrategy.allCases.map(\.rawValue).joined(separator: ", ")).")
    var strategy: String = QueueStrategy.margin.rawValue

    @Option(name: .customLong("test"), help: "Labeled test file (default: heldout.jsonl beside FILE, else a seeded 20% holdout).")
    var testFile: String?

    @Option(help: "Labels between two measurements of the curves (default: 10 headless, 5 on screen).")
    var every: Int?

    @Option(help: "Labels taken in random order before the active strategy takes over (shared by both learners).")
    var warmStart: Int = 10

    @Option(help: "Milliseconds between two steps of the simulated analyst (interactive).")
    var pace: Int = 800

    @Option(help: "Workspace folder (interactive; default: a new temporary folder under /tmp).")
    var workspace: String?

    @Flag(help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        if QueueStrategy(rawValue: strategy) == nil {
            throw ValidationError("unknown strategy `\(strategy)`; choose one of \(QueueStrategy.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !(0...1).contains(noise) { throw ValidationError("--noise must be between 0 and 1 (it is \(noise)).") }
        if labels < 1 { throw ValidationError("--labels must be at least 1.") }
        if let every, every < 1 { throw ValidationError("--every must be at least 1.") }
        if pace < 10 { throw ValidationError("--pace must be at least 10 ms.") }
    }

    func run() throws {
        let path = try file ?? DemoFiles.bundledSample()
        let data: DemoData
        do {
            data = try DemoFiles.load(path, test: testFile, seed: seed)
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(1)
        }
        guard data.pool.count >= 2, data.labels.count >= 2 else {
            FileHandle.standardError.write(Data("dyad: \(path) needs messages with at least two different gold labels (field `gold`) for a demo.\n".utf8))
            throw ExitCode(1)
        }
        let settings = DemoSettings(labels: labels, noise: noise, seed: seed,
                                    strategy: QueueStrategy(rawValue: strategy) ?? .margin, every: every ?? (headless ? 10 : 5),
                                    warmStart: warmStart)
        if headless {
            var sim = DemoSimulation(data: data, settings: settings)
            let result = sim.run()
            print(json ? result.json() : result.text())
            return
        }
        try DemoInteractive(path: path, data: data, settings: settings, pace: pace, workspace: workspace, noColor: noColor).run()
    }
}
