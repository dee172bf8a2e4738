import CKernels
import Core
import Dispatch
import Engine
import Foundation
import Journal

/// Re-scores and re-ranks the whole queue in the background, off the key loop.
///
/// The worker keeps its own replica of the model, fed the same journal records
/// in the same order as the live one (training is deterministic, so the two
/// are bit-identical) — it never shares weight buffers with the main thread, so
/// a decision never pays for copying the model. Requests are coalesced: while a
/// ranking runs, only the newest request waits. Features of every message are
/// computed once into a `FeatureArena`, split by word; a ranking sums each
/// distinct word's n-gram weights once, then scores every message from its word
/// block and its words' sums over both cores, and sorts packed 64-bit keys.
final class RankWorker: @unchecked Sendable {
    enum Op: Sendable {
        /// Apply a durable record to the replica.
        case record(JournalRecord)
        /// Rebuild the replica from the journal (start, undo).
        case rebuild([JournalRecord], undone: [Int: Int])
        /// Take this model as the replica (the live model was replaced wholesale, e.g. by a consolidation).
        case replace(Classifier)
        /// Take this consolidated model, then learn the decisions made after it (message id, label), in order.
        case replaceMerged(Classifier, later: [(messageID: String, label: String)])
    }

    private let lock = NSLock()
    private let queue = DispatchQueue(label: "dyad.rank", qos: .userInitiated)
    private var ops: [Op] = []
    private var request: RankRequest?
    private var scheduled = false
    /// Touched only on `queue`.
    private var replica: Classifier
    /// The previous ranking's top label per message (for flips); touched only on `queue`.
    /// (Only its own array: keeping the delivered verdicts would make the key loop's next write copy them.)
    var lastTops: [Int32] = []
    let store: MessageStore
    let arena: FeatureArena
    let inbox: JobInbox
    /// Marks rankings as urgent work; background consolidation waits at its checkpoints meanwhile.
    let gate = ActivityGate()
    static let job = "re-ranking"
    /// Where the last ranking's time went (for `dyad bench`); guarded by `lock`.
    private var phases: [(name: String, seconds: Double)] = []

    /// Where the last ranking's time went, phase by phase, in seconds.
    var lastPhases: [(name: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return phases
    }

    /// Records the phases of the ranking that just finished.
    func notePhases(_ p: [(name: String, seconds: Double)]) {
        lock.lock()
        phases = p
        lock.unlock()
    }

    /// Where the arena is kept between sessions (`ArenaFile`); nil: not kept.
    let arenaFile: URL?
    /// Whether a newly built arena is written to `arenaFile` (not in a read-only session).
    let writesArena: Bool
    /// Why the arena file was not used or not written, for `dyad bench` and tests; guarded by `lock`.
    private var arenaNotes: [String] = []

    /// What happened to the arena file: "read", "written", or why not.
    var arenaLog: [String] {
        lock.lock()
        defer { lock.unlock() }
        return arenaNotes
    }

    private func noteArena(_ s: String) {
        lock.lock()
        arenaNotes.append(s)
        lock.unlock()
    }

    /// `ArenaFile.messagesChecksum` of the store, computed once (the messages never change;
    /// a session that reads a stale file and then writes a new one needs it twice); guarded by `lock`.
    private var messagesSum: UInt64?

    private func messagesChecksum() -> UInt64 {
        lock.lock()
        if let sum = messagesSum {
            lock.unlock()
            return sum
        }
        lock.unlock()
        let sum = ArenaFile.messagesChecksum(store)
        lock.lock()
        messagesSum = sum
        lock.unlock()
        return sum
    }

    /// The arena file's key for the store featurized under `config` with `suppressed` terms.
    private func arenaKey(config: EngineConfig, suppressed: [String]) -> ArenaFile.Key {
        ArenaFile.key(store: store, messages: messagesChecksum(), config: config, suppressed: suppressed)
    }

    /// `arenaFile` is used only for stores of at least `minimumMessages`.
    init(store: MessageStore, config: EngineConfig, inbox: JobInbox, arenaFile: URL? = nil, writesArena: Bool = true,
         minimumMessages: Int = ArenaFile.minimumMessages) {
        self.arenaFile = store.count >= minimumMessages ? arenaFile : nil
        self.writesArena = writesArena
        self.store = store
        replica = Classifier(config: config)
        arena = FeatureArena(count: store.count)
        self.inbox = inbox
    }

    /// Queues `ops` (in order) and, when given, a ranking request that replaces any waiting one.
    func submit(_ newOps: [Op], request newRequest: RankRequest?) {
        lock.lock()
        ops += newOps
        if let newRequest { request = newRequest }
        let start = !scheduled && (!ops.isEmpty || request != nil)
        if start { scheduled = true }
        lock.unlock()
        guard start else { return }
        inbox.started(Self.job)
        queue.async { self.drain() }
    }

    private func drain() {
        BackgroundPriority.lower()
        while true {
            lock.lock()
            let todo = ops
            let wanted = request
            ops = []
            request = nil
            if todo.isEmpty && wanted == nil {
                scheduled = false
                lock.unlock()
                inbox.finish(Self.job, nil)
                return
            }
            lock.unlock()
            for op in todo {
                switch op {
                case .record(let r):
                    ModelUpdate.apply(r, to: &replica, store: store)
                case let .rebuild(records, undone):
                    replica = ModelRebuild.rebuild(records: records, undone: undone, store: store, config: replica.config)
                case .replace(let model):
                    replica = model
                case let .replaceMerged(model, later):
                    replica = Consolidator().merge(model, replaying: App.examples(later, store: store))
                }
            }
            // Consolidation steps aside while the queue is re-ranked (see `ActivityGate`).
            if let wanted { inbox.deliver(.ranked(gate.urgent { rank(wanted) })) }
            startPendingWrite()
        }
    }

    /// Reads every message into the arena: from the workspace's arena file when it was
    /// built from the same messages, featurizer and suppressions; otherwise by featurizing
    /// them all, then writing the file for the next session once this ranking is delivered.
    func prepareArena(model: Classifier) {
        if let url = arenaFile {
            if FileManager.default.fileExists(atPath: url.path) {
                inbox.note(Self.job, "re-ranking (reading the saved features)")
                do {
                    let key = arenaKey(config: model.config, suppressed: model.suppressedTermList)
                    try ArenaFile.read(from: url, key: key, store: store, model: model, into: arena)
                    noteArena("read")
                    inbox.note(Self.job, nil)
                    return
                } catch {
                    noteArena("not read: \(error)")
                }
            } else {
                noteArena("not read: there is no \(url.lastPathComponent)")
            }
        }
        inbox.note(Self.job, "re-ranking (reading messages)")
        arena.ensure(store: store, model: model) { f in inbox.note(Self.job, "re-ranking (reading messages \(Int(f * 100))%)") }
        inbox.note(Self.job, nil)
        guard let url = arenaFile, writesArena else { return }
        let chunks = arena.chunks, starts = arena.gramStarts, slots = arena.gramSlots
        let config = model.config, suppressed = model.suppressedTermList
        let done = DispatchSemaphore(value: 0)
        writing = done
        // After the ranking that needed the arena is delivered (`drain`), on a thread of its own at
        // the lowest priority: the file is for the next session and must not slow this one's keys
        // or rankings (a pooled thread would keep the lowered priority for other work).
        pendingWrite = {
            let thread = Thread {
                _ = dyad_set_thread_nice(19)
                do {
                    let key = self.arenaKey(config: config, suppressed: suppressed)
                    try ArenaFile.write(chunks: chunks, gramStarts: starts, gramSlots: slots, key: key, to: url)
                    self.noteArena("written")
                } catch {
                    self.noteArena("not written: \(error)")
                }
                done.signal()
            }
            thread.name = "dyad.arena-write"
            thread.start()
        }
    }

    /// The arena file write waiting for the current ranking to be delivered; touched only on `queue`.
    private var pendingWrite: (() -> Void)?

    /// The arena file being written, if any (`waitForArenaFile`).
    private var writing: DispatchSemaphore?

    /// Starts the arena file write that waits for the ranking just delivered, if any; on `queue`.
    private func startPendingWrite() {
        guard let write = pendingWrite else { return }
        pendingWrite = nil
        write()
    }

    /// Waits until the arena file started last is written (tests and the bench).
    func waitForArenaFile() {
        queue.sync { startPendingWrite() }
        if let w = writing {
            w.wait()
            w.signal()
        }
    }

    /// Scores every message with the replica and orders the queue.
    func rank(_ r: RankRequest) -> Ranking {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let model = replica
        let store = self.store
        if arena.generation != model.featureGeneration || arena.chunks.isEmpty {
            prepareArena(model: model)
        }
        let n = store.count
        // An untrained model has nothing to say: file order, no guesses (as `QueueScorer.score`).
        guard model.examplesLearned > 0 else {
            return ranking(r, scores: [Scored](repeating: Scored(generation: r.generation), count: n), model: model, started: t0)
        }
        var scores = [Scored](repeating: .unscored, count: n)
        let arena = self.arena
        let labels = model.labels
        let t1 = DispatchTime.now().uptimeNanoseconds
        let sums = arena.wordSums(model: model)
        let t2 = DispatchTime.now().uptimeNanoseconds
        let cpu = CPUTally()
        scores.withUnsafeMutableBufferPointer { buf in
            nonisolated(unsafe) let out = buf.baseAddress
            let chunks = max(1, (n + 16_383) / 16_384)
            sums.withUnsafeBufferPointer { sumsBuffer in
                nonisolated(unsafe) let sums = sumsBuffer
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    BackgroundPriority.lower()
                    guard let out else { return }
                    let c0 = ProcessCPU.threadSeconds()
                    defer { cpu.add(ProcessCPU.threadSeconds() - c0) }
                    arena.score((c * 16_384)..<min(n, (c + 1) * 16_384), model: model, sums: sums) { i, scratch in
                        // The prediction shares the scratch and label arrays (nothing is copied).
                        out[i] = QueueScorer.verdict(Prediction(labels: labels, probabilities: scratch.probabilities),
                                                     labels: labels, strategy: r.strategy, index: i, seed: r.seed,
                                                     generation: r.generation, rarity: r.rarity)
                    }
                }
            }
        }
        let t3 = DispatchTime.now().uptimeNanoseconds
        // Flips, the pending order, confidences and top terms: `RankWorker+Delivery.swift`.
        let result = ranking(r, scores: scores, model: model, started: t0)
        let t4 = DispatchTime.now().uptimeNanoseconds
        notePhases([("features", t1 - t0), ("word sums", t2 - t1), ("scoring (cpu \(String(format: "%.3f", cpu.seconds)) s)", t3 - t2), ("order and terms", t4 - t3)]
            .map { ($0.0, Double($0.1) / 1e9) })
        return result
    }
}
