import Foundation

/// The figures `dyad bench` prints (seconds, milliseconds, MiB as named).
public struct BenchReport: Sendable {
    public var messages = 0
    public var events = 0
    public var keys = 0
    public var labels = 0
    /// Where the texts came from (`attack` or `vocabulary`).
    public var source = ""
    /// `debug` or `release`.
    public var build = ""
    public var generateSeconds = 0.0
    public var importSeconds = 0.0
    public var replaySeconds = 0.0
    public var startupSeconds = 0.0
    /// Writing the model snapshot a previous session would have left (0 with `--no-snapshot`).
    public var snapshotWriteSeconds = 0.0
    /// CPU seconds (all threads) from the start of the workbench to its first frame.
    public var startupCPUSeconds = 0.0
    /// How the workbench got its model at start: `snapshot` or `replay`.
    public var startupModel = ""
    /// From the first frame until the first full ranking of the queue landed.
    public var firstRankSeconds = 0.0
    /// The first full ranking after a restart, with the arena file the first session wrote
    /// (0 below `ArenaFile.minimumMessages`, where no file is kept).
    public var restartFirstRankSeconds = 0.0
    /// Size of that arena file.
    public var arenaFileMiB = 0.0
    /// Highest resident set of the workbench (before the benchmark's own clustering step).
    public var peakRSSMiB = 0.0
    /// Highest resident set of the whole benchmark process, its standalone clustering step included.
    public var benchPeakRSSMiB = 0.0
    public var frameP50 = 0.0
    public var frameP99 = 0.0
    public var frameMax = 0.0
    /// Key presses whose frame took longer than 16 ms.
    public var framesOver16 = 0
    /// Of those, label keys (decisions).
    public var decisionsOver16 = 0
    /// CPU time of the key loop's thread per frame (wall time less waiting for a core on a busy machine).
    public var frameCPUP99 = 0.0
    public var frameCPUMax = 0.0
    public var rerankSeconds = 0.0
    public var clusterSeconds = 0.0
    /// Messages clustered (a sample when the store is larger).
    public var clusterSample = 0
    public var clusters = 0
    public var searchMs = 0.0
    /// Milliseconds of the `f` key (the picker's pending count per label, a pass over every message).
    public var focusOpenMs = 0.0
    /// Milliseconds of choosing the focus (its count and first row).
    public var focusSetMs = 0.0
    /// Pending messages in the focus when it was set.
    public var focusPending = 0
    /// The keys pressed under the focus and their frame times.
    public var focusFrames = KeyRun()
    /// The phrase of the limit run.
    public var limitQuery = ""
    /// Milliseconds from Enter to the limit in force (`l`, the phrase, Enter: a search of every message).
    public var limitSetMs = 0.0
    /// Milliseconds of the Enter key's own frame (the search runs in the background on a large store).
    public var limitEnterMs = 0.0
    /// Pending messages within the limit when it was set.
    public var limitPending = 0
    /// The keys pressed under the limit and their frame times.
    public var limitFrames = KeyRun()
    /// Messages matching the search query.
    public var searchMatches = 0

    /// Creates an empty report.
    public init() {}

    /// The figures as `(key, value)` pairs in print order.
    public var fields: [(String, String)] {
        [("messages", "\(messages)"), ("events", "\(events)"), ("keys", "\(keys)"), ("labels", "\(labels)"),
         ("source", "\"\(source)\""), ("build", "\"\(build)\""),
         ("generate_s", f(generateSeconds)), ("import_s", f(importSeconds)), ("replay_s", f(replaySeconds)),
         ("snapshot_write_s", f(snapshotWriteSeconds)), ("startup_s", f(startupSeconds)),
         ("startup_cpu_s", f(startupCPUSeconds)), ("startup_model", "\"\(startupModel)\""),
         ("first_rank_s", f(firstRankSeconds)), ("restart_first_rank_s", f(restartFirstRankSeconds)),
         ("arena_file_mb", f(arenaFileMiB, 1)), ("peak_rss_mb", f(peakRSSMiB, 1)),
         ("bench_peak_rss_mb", f(benchPeakRSSMiB, 1)),
         ("frame_ms_p50", f(frameP50)), ("frame_ms_p99", f(frameP99)), ("frame_ms_max", f(frameMax)),
         ("frames_over_16ms", "\(framesOver16)"), ("decisions_over_16ms", "\(decisionsOver16)"),
         ("frame_cpu_ms_p99", f(frameCPUP99)), ("frame_cpu_ms_max", f(frameCPUMax)), ("rerank_s", f(rerankSeconds)), ("cluster_s", f(clusterSeconds)),
         ("cluster_sample", "\(clusterSample)"), ("clusters", "\(clusters)"), ("search_ms", f(searchMs)),
         ("search_matches", "\(searchMatches)"), ("focus_open_ms", f(focusOpenMs)), ("focus_set_ms", f(focusSetMs)),
         ("focus_pending", "\(focusPending)")] + frames("focus", focusFrames)
        + [("limit_query", "\"\(limitQuery)\""), ("limit_enter_ms", f(limitEnterMs)), ("limit_set_ms", f(limitSetMs)),
           ("limit_pending", "\(limitPending)")] + frames("limit", limitFrames)
    }

    /// `<run>_keys` and `<run>_frame_ms_p50 / _p99 / _max` of a key run.
    private func frames(_ run: String, _ r: KeyRun) -> [(String, String)] {
        [("\(run)_keys", "\(r.keys)"), ("\(run)_frame_ms_p50", f(r.p50)), ("\(run)_frame_ms_p99", f(r.p99)), ("\(run)_frame_ms_max", f(r.max))]
    }

    /// One JSON object on one line.
    public var json: String {
        "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Aligned `key  value` lines for people.
    public var text: String {
        fields.map { $0.0.padding(toLength: 18, withPad: " ", startingAt: 0) + $0.1.replacingOccurrences(of: "\"", with: "") }
            .joined(separator: "\n")
    }

    func f(_ v: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", v) }
}

/// Milliseconds per key of a run of keys (`dyad bench`'s runs under a focus and a limit).
public struct KeyRun: Sendable {
    /// Keys pressed.
    public var keys = 0
    /// Median, 99th percentile and slowest milliseconds per key.
    public var p50 = 0.0, p99 = 0.0, max = 0.0
    /// The slowest frames with their keys (printed on stderr, not reported).
    var slowest = ""

    /// An empty run.
    public init() {}

    init(keys: Int, p50: Double, p99: Double, max: Double, slowest: String) {
        self.keys = keys
        self.p50 = p50
        self.p99 = p99
        self.max = max
        self.slowest = slowest
    }
}
