import ArgumentParser
import Insight

/// `dyad clusters`: the clusters alone (faster than `insight`: no anomalies, terms or model).
struct ClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Group the messages by content (spherical k-means, number of clusters chosen automatically).",
        discussion: """
        Each cluster: size, top terms, label mix and share unlabeled (labels from --workspace's journal), \
        mean model confidence when labels exist, and its most typical message. --json prints one object \
        with messages, k, silhouette_by_k and clusters (id, size, top_terms, label_mix, unlabeled_share, …).
        """
    )

    @OptionGroup var arguments: InsightArguments

    func run() throws {
        let input = try InsightCommandSupport.input(arguments)
        let report = InsightReport.compute(input, parts: .clusters)
        if arguments.json {
            InsightCommandSupport.printData(try report.clustersJSONData(store: input.store))
        } else {
            print(report.clustersText(store: input.store))
        }
    }
}
