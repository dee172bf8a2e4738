import ArgumentParser
import Core
import Engine
import Foundation
import Insight

/// `dyad bench-insight`: times each Insight computation on generated messages.
struct BenchInsightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-insight",
        abstract: "Time vectorizing, clustering, anomalies, emerging terms and the review queue on N generated messages."
    )

    @Option(help: "Number of generated messages.")
    var messages: Int = 100_000

    @Option(name: .customLong("clusters"), help: "Fixed number of clusters (default: chosen automatically).")
    var clusterCount: Int?

    @Option(help: "Labeled messages given to the review queue (cross-fitting).")
    var labels: Int = 2_000

    @Option(help: "Every Nth labeled message gets a wrong label, so the review queue has suspects to explain (0: none).")
    var mislabelEvery: Int = 20

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        guard messages >= 10 else { throw ValidationError("--messages must be at least 10 (got \(messages))") }
        guard mislabelEvery >= 0 else { throw ValidationError("--mislabel-every must be 0 or more (got \(mislabelEvery))") }
    }

    func run() throws {
        let clock = ContinuousClock()
        var times: [(String, Double)] = []
        func timed<T>(_ name: String, _ body: () -> T) -> T {
            let start = clock.now
            let result = body()
            let d = clock.now - start
            times.append((name, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
            return result
        }
        let (store, topic) = timed("generate") { BenchInsightCorpus(count: messages).make() }
        let index = timed("vectorize") { TermIndex(store: store) }
        var options = ClusterOptions()
        options.k = clusterCount
        let clustering = timed("cluster") { Clusterer(options: options).run(index) }
        let anomalies = timed("anomalies") { AnomalyDetector().detect(index, clustering: clustering) }
        let emerging = timed("emerging terms") { EmergingTerms().find(index, store: store) }
        var given: [Int: String] = [:]
        for i in 0..<min(labels, store.count) {
            let wrong = mislabelEvery > 0 && i % mislabelEvery == mislabelEvery - 1
            given[i] = "topic\((topic[i] + (wrong ? 1 : 0)) % 6)"
        }
        let config = EngineConfig()
        let review = timed("review (\(given.count) labels)") {
            InconsistencyFinder().find(store: store, labels: given, base: Classifier(config: config))
        }
        let facts: [(String, String)] = [
            ("messages", String(store.count)), ("terms", String(index.termCount)), ("features", String(index.featureCount)),
            ("k", String(clustering.k)), ("anomalies", String(anomalies.count)),
            ("top emerging", emerging.prefix(3).map(\.term).joined(separator: " ")),
            ("review items", String(review.count)), ("peak memory MB", String(format: "%.0f", EvalData.peakMemoryMB())),
        ]
        if json {
            var o: [String: Any] = [:]
            for (k, v) in times { o["seconds_" + k.replacingOccurrences(of: " ", with: "_")] = (v * 1000).rounded() / 1000 }
            for (k, v) in facts { o[k.replacingOccurrences(of: " ", with: "_")] = v }
            let data = try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            for (k, v) in times { print(k.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%8.3f s", v)) }
            for (k, v) in facts { print(k.padding(toLength: 26, withPad: " ", startingAt: 0) + v) }
        }
    }
}
