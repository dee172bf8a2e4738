import Core
import Dispatch
import Engine
import Foundation
import Insight
import Journal
import Terminal

/// What `dyad bench` measures, and with what.
public struct BenchOptions: Sendable {
    /// Messages to generate.
    public var messages: Int
    /// Label events in the journal to replay.
    public var events: Int
    /// Key presses of the latency run.
    public var keys: Int
    /// ATT&CK sentences to build messages from (the vocabulary is used when nil or missing).
    public var attackPath: String?
    /// Most messages clustered (a seeded sample of the store when it is larger).
    public var clusterSample: Int
    /// Where the temporary files go (a fresh folder is made inside).
    public var tempDirectory: URL
    /// Whether background consolidation (issue 9) runs during the key run.
    public var consolidation = true
    /// Whether the replay step leaves a model snapshot, as a previous session would at quit
    /// (false: the workbench starts without one, replays in full and writes it).
    public var snapshot = true
    /// Whether the workbench keeps its feature arena in the workspace (`ArenaFile`), and the
    /// benchmark measures a restart that reads it back.
    public var arenaFile = true

    /// Creates options with the defaults of issue 8.
    public init(messages: Int = 1_000_000, events: Int = 100_000, keys: Int = 10_000, attackPath: String? = nil,
                clusterSample: Int = 100_000, tempDirectory: URL = FileManager.default.temporaryDirectory) {
        self.messages = messages
        self.events = events
        self.keys = keys
        self.attackPath = attackPath
        self.clusterSample = clusterSample
        self.tempDirectory = tempDirectory
    }
}

/// Runs the benchmark of issue 8: generate, import, replay, start, type, re-rank, cluster, search.
public enum BenchRunner {
    /// Monotonic seconds.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs every step; `progress` gets one line per step (for stderr).
    public static func run(_ o: BenchOptions, progress say: (String) -> Void = { _ in }) throws -> BenchReport {
        let sampler = MemorySampler()
        func progress(_ step: String) {
            sampler.enter(step)
            say(step)
        }
        defer {
            let top = sampler.stop()
            let jobs = top.jobs.isEmpty ? "" : " (background: \(top.jobs.joined(separator: ", ")))"
            say("highest resident set \(Int(top.mib)) MiB, while \(top.step)\(jobs)")
        }
        var report = BenchReport()
        #if DEBUG
        report.build = "debug"
        #else
        report.build = "release"
        #endif
        let dir = o.tempDirectory.appendingPathComponent("dyad-bench-\(ProcessInfo.processInfo.processIdentifier)-\(Int(now() * 1000))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("messages.jsonl")
        let wsDir = dir.appendingPathComponent("workspace")

        progress("generating \(o.messages) messages")
        var t = now()
        let info = try BenchCorpus.write(to: file, count: o.messages, attackPath: o.attackPath)
        report.generateSeconds = now() - t
        report.messages = info.count
        report.source = info.source
        report.labels = info.labels.count

        let labels = try importAndReplay(file: file, workspace: wsDir, options: o, report: &report, progress: { progress($0) })

        progress("starting the workbench")
        t = now()
        let startCPU = ProcessCPU.seconds()
        let (app, fromSnapshot) = try startWorkbench(file: file, workspace: wsDir, consolidation: o.consolidation,
                                                     arenaFile: o.arenaFile)
        sampler.watch(app.inbox)
        let firstFrame = now()
        report.startupSeconds = firstFrame - t
        report.startupCPUSeconds = ProcessCPU.seconds() - startCPU
        report.startupModel = fromSnapshot ? "snapshot" : "replay"

        progress("waiting for the first full ranking")
        waitForRanking(app)
        report.firstRankSeconds = now() - firstFrame

        progress("typing \(o.keys) keys")
        let keys = BenchKeys.script(count: o.keys, labels: labels.count)
        var times: [Double] = []
        var cpu: [Double] = []
        var slowest = SlowestFrames()
        times.reserveCapacity(keys.count)
        cpu.reserveCapacity(keys.count)
        for k in keys {
            let t0 = now(), c0 = ProcessCPU.threadSeconds()
            step(app, .key(k, at: t0))
            times.append((now() - t0) * 1000)
            cpu.append((ProcessCPU.threadSeconds() - c0) * 1000)
            if times[times.count - 1] > 16, case .char(let c) = k, c.isNumber { report.decisionsOver16 += 1 }
            slowest.add(times[times.count - 1], cpu: cpu[cpu.count - 1], key: k)
        }
        progress("slowest frames (ms, cpu ms, key): " + slowest.summary)
        report.keys = times.count
        times.sort()
        cpu.sort()
        report.frameP50 = percentile(times, 0.50)
        report.frameP99 = percentile(times, 0.99)
        report.frameMax = times.last ?? 0
        report.framesOver16 = times.filter { $0 > 16 }.count
        report.frameCPUP99 = percentile(cpu, 0.99)
        report.frameCPUMax = cpu.last ?? 0

        progress("re-ranking after decisions")
        waitForRanking(app)
        var reranks: [Double] = []
        for _ in 0..<3 {
            app.dispatch(.key(.char("g"), at: now()))
            let t0 = now()
            step(app, .key(.char("1"), at: t0))
            waitForRanking(app)
            reranks.append(now() - t0)
        }
        reranks.sort()
        report.rerankSeconds = reranks[reranks.count / 2]
        if let phases = app.worker?.lastPhases, !phases.isEmpty {
            progress("last re-ranking: " + phases.map { "\($0.name) \(String(format: "%.3f", $0.seconds)) s" }
                .joined(separator: ", "))
        }

        focusRun(app, keys: max(100, o.keys / 5), report: &report, progress: progress)
        limitRun(app, keys: max(100, o.keys / 10), report: &report, progress: progress)

        progress("searching")
        let query = "zq-not-there"
        t = now()
        report.searchMatches = MessageSearch.count(app.state.store, query: query)
        report.searchMs = (now() - t) * 1000

        // The workbench's own peak; the standalone clustering below measures what the insight
        // job does in the background on top of a running workbench, so it is reported apart.
        report.peakRSSMiB = PeakMemory.peakMiB() ?? 0
        progress("clustering")
        let sample = sampleStore(app.state.store, count: o.clusterSample)
        report.clusterSample = sample.count
        t = now()
        let index = TermIndex(store: sample)
        let clustering = Clusterer().run(index)
        report.clusterSeconds = now() - t
        report.clusters = clustering.k

        // A second session on the same workspace: its first ranking reads the arena file
        // the first one wrote instead of featurizing every message again.
        app.worker?.waitForArenaFile()
        progress("arena file: " + (app.worker?.arenaLog.joined(separator: "; ") ?? "none"))
        let arena = ArenaFile.url(in: wsDir)
        if let size = (try? FileManager.default.attributesOfItem(atPath: arena.path))?[.size] as? Int {
            report.arenaFileMiB = Double(size) / 1_048_576
            progress("restarting on the same workspace")
            let (again, _) = try startWorkbench(file: file, workspace: wsDir, consolidation: o.consolidation)
            let shown = now()
            waitForRanking(again)
            report.restartFirstRankSeconds = now() - shown
            progress("arena file on restart: " + (again.worker?.arenaLog.joined(separator: "; ") ?? "none"))
        }

        report.benchPeakRSSMiB = PeakMemory.peakMiB() ?? 0
        return report
    }

    /// Times the import and the replay; their stores and models are released on return,
    /// so the peak memory reported is the workbench's, not the benchmark's scaffolding.
    static func importAndReplay(file: URL, workspace wsDir: URL, options o: BenchOptions, report: inout BenchReport,
                                progress: (String) -> Void) throws -> [String] {
        progress("importing")
        let t = now()
        let imported = try MessageImporter.load(paths: [file.path])
        report.importSeconds = now() - t
        let store = imported.store
        guard store.count == o.messages else {
            throw WorkbenchError.benchFailed("imported \(store.count) of \(o.messages) messages from \(file.path)")
        }
        let labels = store.goldLabels.sorted()
        report.events = try BenchJournal.write(directory: wsDir, store: store, labels: labels, events: o.events) - labels.count
        progress("replaying \(report.events) journal events")
        let (seconds, model) = try replay(wsDir.appendingPathComponent("journal.jsonl"), store: store)
        report.replaySeconds = seconds
        if o.snapshot {
            progress("writing the model snapshot")
            let t = now()
            try ModelSnapshot.write(model.model, coverage: model.coverage, to: ModelSnapshot.url(in: wsDir))
            report.snapshotWriteSeconds = now() - t
        }
        return labels
    }

    /// Opens the session through `SessionLoader` and draws the first frame on an in-memory terminal.
    /// Decisions go to an in-memory journal (no fsync), so the key figures are the workbench's own.
    /// Also says whether the model came from the workspace's snapshot.
    static func startWorkbench(file: URL, workspace wsDir: URL, consolidation: Bool = true, arenaFile: Bool = true) throws -> (App, Bool) {
        let session = try SessionLoader.load(SessionOptions(files: [file.path], workspace: wsDir.path, analyst: "bench"))
        defer { session.workspace.close() }
        let app = App(state: session.state, backend: MemoryBackend(width: 120, height: 40),
                      sink: BenchSink(nextSeq: session.workspace.nextSeq), records: session.records, config: session.config,
                      themePaths: session.themePaths, insight: InsightBridge.compute)
        app.consolidation.enabled = consolidation
        app.arenaDirectory = arenaFile ? wsDir : nil
        app.start()
        app.draw()
        return (app, session.snapshotCovered > 0)
    }

    /// Seconds to read the journal, fold it and rebuild the model in full; the model and the
    /// records it covers (for the snapshot a quitting session leaves).
    static func replay(_ url: URL, store: MessageStore) throws
        -> (seconds: Double, model: (model: Classifier, coverage: ModelSnapshot.Coverage)) {
        let t = now()
        let scan = try JournalReader.read(url)
        let journal = JournalState(records: scan.records)
        let model = ModelRebuild.rebuild(records: scan.records, undone: journal.undone, store: store, config: EngineConfig())
        let seconds = now() - t
        guard model.examplesLearned > 0, let coverage = ModelSnapshot.Coverage(records: scan.records, count: scan.records.count) else {
            throw WorkbenchError.benchFailed("the replayed model learned nothing from \(url.path)")
        }
        return (seconds, (model, coverage))
    }

    /// One turn of the main loop with `action`: deliver finished background work, react, draw.
    static func step(_ app: App, _ action: Action?) {
        for a in app.inbox.drain() { app.dispatch(a) }
        if let action { app.dispatch(action) }
        app.state.busy = app.inbox.busy
        app.draw()
    }

    /// Turns the loop (idle) until no re-ranking is running and the scores are the model's.
    /// Like the real loop while a job runs, it draws at most every 40 ms (drawing every
    /// millisecond would take a core from the very jobs it waits for); results are
    /// delivered as soon as they arrive.
    static func waitForRanking(_ app: App, limit: Double = 300) {
        let deadline = now() + limit
        var lastDraw = -1.0
        while now() < deadline {
            if app.inbox.hasResults || now() - lastDraw >= 0.04 {
                step(app, nil)
                lastDraw = now()
            }
            if !app.inbox.isRunning("re-ranking"), app.isRankingCurrent { return }
            usleep(1000)
        }
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    /// Every k-th message, so about `count` of them (the store itself when small enough).
    static func sampleStore(_ store: MessageStore, count: Int) -> MessageStore {
        guard store.count > count, count > 0 else { return store }
        var out = MessageStore()
        out.reserve(count)
        let step = Double(store.count) / Double(count)
        for k in 0..<count { out.append(store[Int(Double(k) * step)]) }
        return out
    }
}
