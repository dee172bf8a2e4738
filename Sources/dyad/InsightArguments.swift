import ArgumentParser

/// Arguments shared by `dyad insight` and `dyad clusters`.
struct InsightArguments: ParsableArguments {
    @Argument(help: "Message files (JSONL, CSV or plain text).")
    var files: [String] = []

    @Option(help: "Workspace folder whose journal supplies labels, lexicon and model (optional; without it, no labels).")
    var workspace: String?

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    @Option(name: .customLong("clusters"), help: "Number of clusters (default: chosen automatically by silhouette).")
    var clusterCount: Int?

    @Option(help: "Seed of sampling and clustering (same seed, same clusters).")
    var seed: UInt64 = 20_260_601

    func validate() throws {
        if files.isEmpty && workspace == nil {
            throw ValidationError("name at least one messages FILE (or a --workspace whose journal names them)")
        }
        if let k = clusterCount, k < 1 { throw ValidationError("--clusters must be at least 1 (got \(k))") }
    }
}
