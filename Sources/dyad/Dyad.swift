import ArgumentParser

/// The `dyad` command: a terminal workbench where an analyst and an online classifier teach each other.
@main
struct Dyad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dyad",
        abstract: "A terminal workbench where a threat analyst and an online text classifier teach each other.",
        version: "0.1.0",
        subcommands: [TriageCommand.self, EvalCommand.self, JournalCommand.self, ValidateCommand.self, ExportCommand.self, ClassifyCommand.self, InsightCommand.self, ClustersCommand.self, BenchInsightCommand.self, DemoCommand.self, ReportCommand.self, BenchCommand.self]
    )

    /// Sets the allocator policy, then parses and runs the command.
    static func main() {
        MemoryPolicy.apply()
        main(nil)
    }
}
