import Core
import Dispatch
import Engine
import Foundation
import Insight
import Journal
import Terminal

/// The main loop: reads input, runs the reducer, performs its effects
/// (journal appends, background jobs) and draws each frame.
public final class App {
    /// The state the loop owns.
    public internal(set) var state: AppState
    let screen: Screen
    let sink: (any JournalSink)?
    /// Every journal record of the workspace, for rebuilding the model after an undo.
    var records: [JournalRecord]
    let config: EngineConfig
    let themePaths: [URL]
    let inbox = JobInbox()
    let features: FeatureCache
    /// Background consolidation settings (issue 9).
    public var consolidation = ConsolidationSettings()
    /// The training sequence read so far, for starting consolidations (`TrainingSequenceCache`).
    var trainingChunks = TrainingSequenceCache()
    /// Ranks large queues in the background (nil while the queue is small enough to rank at once).
    var worker: RankWorker?
    /// Records appended since the worker last heard of them.
    var unsentRecords: [JournalRecord] = []
    /// Identifies the newest search, so older background searches stop.
    let searches = SearchToken()
    /// An insight refresh was asked for while one was running: run again once it finishes.
    var insightPending = false
    /// Queues up to this size are re-scored before the next key is read; larger ones in the background.
    public var syncScoreLimit = 20_000
    /// The workspace folder, where a large queue's features are kept between sessions
    /// (`ArenaFile`; read-only sessions read it but never write it); set before `start()`.
    /// Nil keeps nothing.
    public var arenaDirectory: URL?
    let clock: () -> Double
    /// Insight computation, injected so the loop stays independent of how it is computed.
    let insight: @Sendable (InsightRequest) -> InsightSummary

    /// Creates the loop for a loaded session.
    public init(state: AppState, backend: any TerminalBackend, sink: (any JournalSink)?, records: [JournalRecord],
                config: EngineConfig, themePaths: [URL], clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime },
                insight: @escaping @Sendable (InsightRequest) -> InsightSummary) {
        self.state = state
        self.screen = Screen(backend: backend)
        self.sink = sink
        self.records = records
        self.config = config
        self.themePaths = themePaths
        self.clock = clock
        self.insight = insight
        // Small queues cache every message; large ones only the rows re-scored on the key loop
        // (the ranking worker keeps its own packed features).
        self.features = FeatureCache(count: state.store.count, limit: state.store.count > 20_000 ? 4096 : 300_000)
    }

    /// Why the loop ended.
    public enum Exit: Equatable, Sendable {
        case quit
        case signal(Int32)
        case endOfInput
    }

    /// Scores the queue and starts background insight; call once before `run`.
    public func start() {
        startRanking()
        perform([.rescore, .refreshInsight, .consolidate])
        warmDuplicateKeys()
        state.shownAt = clock()
    }

    /// Tokenizes the decisions the next cycle close looks at in the background (thousands of
    /// messages on a long journal), so the close itself finds their near-duplicate keys memoized.
    func warmDuplicateKeys() {
        let indices = CycleMetricsBuilder.consistencyWindowDecisions(state)
        guard indices.count > 256 else { return }
        let keys = state.duplicateKeys, store = state.store
        DispatchQueue.global(qos: .utility).async {
            BackgroundPriority.lower()
            keys.warm(indices, store: store)
        }
    }

    /// Runs until quit, a signal, or end of input.
    public func run() -> Exit {
        draw()
        while true {
            let busy = !inbox.busy.isEmpty
            let event = screen.backend.poll(timeoutMs: busy ? 40 : 500)
            for a in inbox.drain() { dispatch(a) }
            switch event {
            case .key(let k)?:
                state.screenTooSmall = !Renderer.fits(screen.size)
                dispatch(.key(k, at: clock()))
            case .resize?:
                screen.invalidate()
                dispatch(.resized)
            case .interrupt(let sig)?:
                return .signal(sig)
            case .endOfInput?:
                return .endOfInput
            case nil:
                break
            }
            state.busy = inbox.busy
            draw()
            if state.quitting { return .quit }
        }
    }

    /// Feeds one action through the reducer and performs the resulting effects.
    public func dispatch(_ action: Action) {
        if catchUpInBackground(action) { return }
        let generation = state.modelGeneration
        let effects = Reducer.reduce(&state, action)
        // A consolidated model replaces the live one wholesale: the ranking worker's replica must follow.
        if case let .consolidated(_, examples, _, _, replica) = action, state.modelGeneration != generation {
            modelReplaced(replica: replica, learnedUpTo: examples)
        }
        perform(effects)
    }

    /// Draws the current state (only changed cells reach the terminal).
    public func draw() {
        if case .help(let scroll) = state.mode {
            // The help scrolls no further than its last row on this screen.
            state.mode = .help(scroll: min(scroll, HelpOverlay.maxScroll(state, screen.size)))
        }
        let (frame, page) = Renderer.render(state, size: screen.size)
        if page != state.pageSize {
            state.pageSize = page
            Reducer.clampScroll(&state, visibleRows: page)
            let (again, _) = Renderer.render(state, size: screen.size)
            screen.present(again)
            return
        }
        screen.present(frame)
    }

    /// Performs effects in order; results feed back through the reducer.
    func perform(_ effects: [Effect]) {
        var queue = effects[...]
        var rescore = false
        var refresh = false
        var rebuild = false
        var consolidate = false
        while let e = queue.popFirst() {
            switch e {
            case .append(let event):
                guard let sink else {
                    state.flash = Flash(.error, "read-only session: nothing is saved (another Dyad holds the workspace)")
                    continue
                }
                do {
                    let record = try sink.append(event)
                    records.append(record)
                    if worker != nil { unsentRecords.append(record) }
                    queue.append(contentsOf: Reducer.reduce(&state, .appended(record, at: clock())))
                } catch {
                    queue.append(contentsOf: Reducer.reduce(&state, .appendFailed("\(error)")))
                }
            case .consolidate: consolidate = true
            case .rescore: rescore = true
            case .refreshInsight: refresh = true
            case .rebuildModel: rebuild = true
            case .search(let request): startSearch(request)
            case .limit(let query): startLimit(query)
            case .loadTheme(let name):
                do {
                    var theme = try ThemeLoader.load(named: name, searchPaths: themePaths)
                    if state.theme.name.hasSuffix("(no colour)") { theme = theme.monochrome() }
                    state.theme = theme
                    state.flash = Flash(.info, "theme: \(name)")
                } catch {
                    state.flash = Flash(.error, "\(error)")
                }
            case .quit:
                state.quitting = true
            }
        }
        if rebuild { rebuildModel() }
        if rescore || rebuild { rescoreQueue() }
        if refresh || (insightPending && !inbox.isRunning("insight")) { refreshInsight() }
        if consolidate || (consolidation.pending && !inbox.isRunning("consolidating")) { startConsolidation() }
        sendRecords()
    }

    /// Rebuilds the model from the journal after an undo (synchronously: the next prediction must not be stale).
    func rebuildModel() {
        let model = ModelRebuild.rebuild(records: records, undone: state.journal.undone, store: state.store, config: config)
        _ = Reducer.reduce(&state, .modelReady(model, generation: state.modelGeneration + 1, note: ""))
        if worker != nil {
            unsentRecords = []
            worker?.submit([.rebuild(records, undone: state.journal.undone)], request: nil)
        }
    }

    /// Re-scores the queue: now for small queues, in the background for large ones.
    func rescoreQueue() {
        let model = state.model, store = state.store, strategy = state.strategy, seed = state.seed
        let generation = state.modelGeneration
        let cache = features
        if worker != nil {
            rescoreLarge()
            return
        }
        let rarity = QueueScorer.rarity(labels: model.labels, counts: state.journal.labelCounts)
        if store.count <= syncScoreLimit {
            let scores = QueueScorer.score(model: model, store: store, range: 0..<store.count, strategy: strategy, seed: seed, generation: generation, rarity: rarity, cache: cache)
            dispatch(.scored(scores, generation: generation))
            return
        }
        let inbox = self.inbox
        inbox.started("re-ranking")
        DispatchQueue.global(qos: .userInitiated).async {
            BackgroundPriority.lower()
            let scores = QueueScorer.score(model: model, store: store, range: 0..<store.count, strategy: strategy, seed: seed, generation: generation, rarity: rarity, cache: cache)
            inbox.finish("re-ranking", .scored(scores, generation: generation))
        }
    }

    /// Starts recomputing clusters, anomalies, emerging terms, suggestions and review in the background
    /// (or, while a computation runs, once it has finished).
    func refreshInsight() {
        guard !inbox.isRunning("insight") else {
            insightPending = true  // the running job saw an older state
            return
        }
        insightPending = false
        // Nothing the key loop keeps writing is shared with the job (a shared buffer would be
        // copied by the next decision): the model goes as a weightless skeleton plus its top
        // terms, the labels as the book's label column (labeled messages are read off it in the
        // job). With a ranking worker, top terms and confidences are those of the latest ranking
        // (read off its replica), so the key loop neither passes over the vocabulary nor maps a
        // million verdicts.
        let model = state.model
        let trained = model.examplesLearned > 0
        let n = state.store.count
        let ranked = worker != nil
        var topTerms: [String: [TermWeight]]?
        var confidences: [Double]?
        var rankedConfidences: [Float] = []
        let candidates = LexiconSuggester().candidates
        if trained {
            if ranked, let t = state.rankedTerms, candidates <= RankedTerms.count {
                topTerms = t.prefix(candidates)
            } else {
                topTerms = model.topTermsByLabel(count: candidates)
            }
            if ranked, state.rankedConfidences.count == n {
                rankedConfidences = state.rankedConfidences
            } else {
                confidences = state.scores.count == n
                    ? state.scores.map { $0.top >= 0 ? Double($0.confidence) : .nan }
                    : Array(repeating: .nan, count: n)
            }
        }
        let request = InsightRequest(store: state.store, model: model.skeleton(), labeled: [:],
                                     lexicon: state.journal.lexicon.map { "\($0.label)|\($0.term)" }
                                         + state.journal.rejectedSuggestions.map { "\($0.label ?? "")|\($0.term)" },
                                     suppressed: state.journal.suppressedTerms,
                                     previousTerms: state.cycle.termsAtStart, decisions: state.labeledCount,
                                     trained: trained, topTerms: topTerms, confidences: confidences)
        let labelIDs = state.book.labelID, labelNames = state.book.labelNames, floats = rankedConfidences
        let inbox = self.inbox, compute = self.insight
        inbox.started("insight")
        let gate = worker?.gate
        HeavyJobs.async(yieldingTo: gate) {
            var r = request
            // Insight steps aside at its checkpoints while the queue is re-ranked (see `ActivityGate`).
            if let gate { r.checkpoint = { gate.waitIdle() } }
            r.labeled = QueueBook.labeledMessages(labelID: labelIDs, names: labelNames)
            if !floats.isEmpty { r.confidences = floats.map { Double($0) } }
            inbox.finish("insight", .insightReady(compute(r)))
        }
    }

}

/// What insight computation needs: a consistent snapshot of the session.
public struct InsightRequest: Sendable {
    public var store: MessageStore
    public var model: Classifier
    /// Labeled message index → label.
    public var labeled: [Int: String]
    /// Lexicon entries and rejected suggestions as `label|term` (not offered again).
    public var lexicon: [String]
    /// Terms the analyst suppressed.
    public var suppressed: Set<String>
    /// Top terms per label at the start of the cycle (for suggestion movement).
    public var previousTerms: [String: [String: Double]]
    /// Number of decisions at the time of the request.
    public var decisions: Int
    /// Whether the live model had learned anything (`model` itself is a weightless skeleton).
    public var trained = false
    /// The live model's top terms per label (for suggestions).
    public var topTerms: [String: [TermWeight]]?
    /// The live model's top-label probability per message (NaN: not scored yet), when known.
    public var confidences: [Double]?
    /// Called at insight's checkpoints (`InsightInput.checkpoint`); nil: never.
    public var checkpoint: (@Sendable () -> Void)?
}
