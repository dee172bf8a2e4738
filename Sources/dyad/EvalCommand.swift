import ArgumentParser
import Core
import Engine
import Foundation

/// `dyad eval`: streaming (prequential) evaluation of the engine, or an active-learning simulation.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate the online classifier on labeled JSONL files (text, label).",
        discussion: """
        Learns the training file in one pass, in file order (each message is predicted before it is \
        learned: prequential accuracy), then scores the test file. With --consolidate, background \
        consolidation runs as in the workbench (every --consolidate-every decisions and at the end). \
        With --simulate, runs an active-learning simulation instead.
        """
    )

    @Option(help: "Training JSONL file (one object per line with \"text\" and \"label\").")
    var train: String

    @Option(help: "Test JSONL file.")
    var test: String

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Flag(help: "Run the active-learning simulation.")
    var simulate = false

    @Option(help: "Queue strategy for --simulate: \(QueueStrategy.allCases.map(\.rawValue).joined(separator: ", ")).")
    var strategy: String = "margin"

    @Option(help: "Labels to reveal in --simulate.")
    var labels: Int = 1000

    @Option(help: "Seed of the simulation's random choices.")
    var seed: UInt64 = 1

    @Option(help: "Rarity factor exponent of the --simulate queue (0: plain uncertainty).")
    var rareBoost: Double = 0.5

    @Flag(help: "Consolidate (re-train over all labels so far) as the workbench does.")
    var consolidate = false

    @Option(help: "Passes of each consolidation.")
    var epochs: Int = 6

    @Option(help: "Fewest learning steps of a consolidation (few labels get more passes; 0: always --epochs).")
    var minSteps: Int = 20_000

    @Option(help: "Class balancing of consolidation: gradient scale (mean count / label count)^x (0: none).")
    var classBalance: Double = 0.5

    @Option(help: "Decisions between consolidations in the stream.")
    var consolidateEvery: Int = 1000

    @Option(help: "Hashed feature bits.")
    var hashBits: Int = 20

    @Option(help: "AdaGrad learning rate.")
    var learningRate: Double = 0.5

    @Flag(help: "Turn character n-grams off.")
    var noCharNgrams = false

    @Option(help: "Learn the training file in a seeded shuffled order instead of file order (0: file order).")
    var orderSeed: UInt64 = 0

    @Flag(help: "Add the predicted label of every test message, in test order (test_predicted), for paired comparisons with peers.")
    var withPredictions = false

    /// The consolidator the options describe (the workbench's defaults unless overridden).
    func consolidator(_ config: EngineConfig) -> Consolidator {
        Consolidator(epochs: epochs, seed: config.seed, minSteps: minSteps, classBalance: classBalance)
    }

    func run() throws {
        let trainSet = EvalData.shuffled(try EvalData.read(train), seed: orderSeed)
        let testSet = try EvalData.read(test)
        let config = EngineConfig(hashBits: hashBits, charNGrams: !noCharNgrams, learningRate: learningRate)
        var out: [String: Any]
        if simulate {
            guard let strat = QueueStrategy(rawValue: strategy) else {
                throw ValidationError("unknown --strategy \(strategy); use one of \(QueueStrategy.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            out = EvalSimulation(config: config, strategy: strat, labels: labels, seed: seed,
                                 consolidator: consolidate ? consolidator(config) : nil, rareBoost: rareBoost)
                .run(train: trainSet, test: testSet)
        } else {
            out = EvalStream(config: config, consolidator: consolidate ? consolidator(config) : nil,
                             consolidateEvery: consolidateEvery, keepPredictions: withPredictions).run(train: trainSet, test: testSet)
        }
        out["peak_memory_mb"] = EvalData.peakMemoryMB()
        if orderSeed != 0 { out["order_seed"] = orderSeed }
        if json {
            let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            for key in out.keys.sorted() {
                let v = out[key] ?? ""
                let name = key.padding(toLength: 28, withPad: " ", startingAt: 0)
                if let d = v as? Double { print(name, String(format: "%.4f", d)) }
                else if let list = v as? [String] { print(name, "\(list.count) labels (in --json)") }
                else { print(name, v) }
            }
        }
    }
}
