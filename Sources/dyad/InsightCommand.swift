import ArgumentParser
import Insight

/// `dyad insight`: clusters, anomalies, emerging terms, lexicon suggestions and the review queue, for scripts.
struct InsightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insight",
        abstract: "Show what the machine sees in the messages: clusters, anomalies, emerging terms, suggestions, review.",
        discussion: """
        Works before any decision (clusters, anomalies and emerging terms need no labels). With \
        --workspace, the journal's labels give each cluster its label mix, and the model rebuilt \
        from it gives lexicon suggestions and the review queue of suspected inconsistencies. \
        --json prints one object with the keys clusters, anomalies, emerging_terms, suggestions, review.
        """
    )

    @OptionGroup var arguments: InsightArguments

    func run() throws {
        let input = try InsightCommandSupport.input(arguments)
        let report = InsightReport.compute(input)
        if arguments.json {
            InsightCommandSupport.printData(try report.jsonData(store: input.store))
        } else {
            print(report.text(store: input.store))
        }
    }
}
