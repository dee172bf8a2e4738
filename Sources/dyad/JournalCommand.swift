import ArgumentParser

/// `dyad journal`: check, repair and measure a workspace's journal.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Check, repair and benchmark a workspace's journal.",
        subcommands: [JournalVerifyCommand.self, JournalRepairCommand.self, JournalBenchCommand.self,
                      JournalStressCommand.self]
    )
}
