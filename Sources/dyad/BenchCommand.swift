import ArgumentParser
import Foundation
import Workbench

/// `dyad bench`: measures import, replay, start-up, key latency, re-ranking, clustering and search at scale.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Dyad at scale: generate N messages, then time import, replay, start-up, keys, re-ranking, clustering and search."
    )

    @Option(help: "Messages to generate.")
    var messages = 1_000_000

    @Option(help: "Label events in the journal to replay.")
    var events = 100_000

    @Option(help: "Key presses of the latency run (navigation and labeling).")
    var keys = 10_000

    @Option(help: "ATT&CK sentences to build messages from (default: bench/data/attack_train.jsonl when present).")
    var attack: String?

    @Flag(help: "Turn off background consolidation (to see the ranking and search path alone).")
    var noConsolidation = false

    @Flag(help: "Keep no feature arena in the workspace (and measure no restart).")
    var noArenaFile = false

    @Flag(help: "Start the workbench without a model snapshot (it replays the journal in full and writes one).")
    var noSnapshot = false

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: .hidden)
    var generate: String?

    func validate() throws {
        if messages < 1 { throw ValidationError("--messages must be at least 1.") }
        if events < 0 { throw ValidationError("--events cannot be negative.") }
        if keys < 1 { throw ValidationError("--keys must be at least 1.") }
    }

    func run() throws {
        let attackPath = attack ?? (FileManager.default.fileExists(atPath: "bench/data/attack_train.jsonl") ? "bench/data/attack_train.jsonl" : nil)
        do {
            if let generate {
                let info = try BenchCorpus.write(to: URL(fileURLWithPath: generate), count: messages, attackPath: attackPath)
                print("wrote \(info.count) messages (\(info.bytes) bytes, \(info.source), \(info.labels.count) labels) to \(generate)")
                return
            }
            var options = BenchOptions(messages: messages, events: events, keys: keys, attackPath: attackPath)
            options.consolidation = !noConsolidation
            options.snapshot = !noSnapshot
            options.arenaFile = !noArenaFile
            let report = try BenchRunner.run(options) { line in
                // Memory so far, to see which step sets the peak.
                let rss = PeakMemory.currentMiB().map { String(format: " [rss %.0f MiB, peak %.0f MiB]", $0, PeakMemory.peakMiB() ?? 0) } ?? ""
                FileHandle.standardError.write(Data("bench: \(line)\(rss)\n".utf8))
            }
            print(json ? report.json : report.text)
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
