import Core
import Dispatch
import Engine
import Foundation

extension App {
    /// True when every message's verdict comes from the current model.
    var isRankingCurrent: Bool {
        let g = state.modelGeneration
        return state.scores.allSatisfy { $0.generation == g }
    }

    /// Rows re-scored on the key loop right after a change, before the background ranking lands.
    var headRows: Int { max(64, state.pageSize * 2) }

    /// For a queue larger than `syncScoreLimit`: shows it at once in file order and
    /// starts the background worker with its own copy of the model as loaded (from the model
    /// snapshot or the journal; a copy of 128 MB costs far less than replaying the journal again,
    /// and owning it means the next decision copies nothing on the key loop).
    func startRanking() {
        guard worker == nil, state.store.count > syncScoreLimit else { return }
        let w = RankWorker(store: state.store, config: config, inbox: inbox,
                           arenaFile: arenaDirectory.map(ArenaFile.url(in:)), writesArena: !state.readOnly)
        worker = w
        state.termsFromRanking = true
        Reducer.rebuildQueue(&state, sortPending: false)
        Reducer.clampScroll(&state, visibleRows: state.pageSize)
        w.submit([.replace(state.model.detached())], request: nil)
    }

    /// Re-scores the head of the queue now (so the next message shown is chosen from fresh
    /// scores), and asks the worker for a full ranking.
    func rescoreLarge() {
        guard let worker else { return }
        let model = state.model, store = state.store, labels = model.labels
        let rows = state.queue.pendingHead(headRows)
        let cache = features
        let rarity = QueueScorer.rarity(labels: labels, counts: state.journal.labelCounts)
        let trained = model.examplesLearned > 0
        let scores = rows.map { i -> Scored in
            // An untrained model shows no guesses (as `QueueScorer.score`).
            guard trained else { return Scored(generation: state.modelGeneration) }
            return QueueScorer.verdict(model.predict(cache.features(i, store: store, model: model)), labels: labels,
                                       strategy: state.strategy, index: i, seed: state.seed,
                                       generation: state.modelGeneration, rarity: rarity)
        }
        if !rows.isEmpty { dispatch(.headScored(indices: rows, scores: scores, generation: state.modelGeneration)) }
        let ops = unsentRecords.map { RankWorker.Op.record($0) }
        unsentRecords = []
        // The status array is shared, not copied: the next decision copies its 1 byte per message once.
        worker.submit(ops, request: RankRequest(status: state.book.status, bookVersion: state.book.version,
                                                strategy: state.strategy, seed: state.seed,
                                                generation: state.modelGeneration, rarity: rarity))
    }

    /// Tells the ranking worker that `state.model` was replaced wholesale (not by a journal record),
    /// e.g. by a background consolidation; call it right after installing such a model.
    ///
    /// With a `replica` (the consolidated model, copied off the key loop, trained on the first
    /// `learnedUpTo` decisions) the worker merges the later decisions into it exactly as the
    /// live model did, so the two stay bit-identical without sharing a buffer. Without one the
    /// worker shares the live model's buffers, and the next online update copies them once.
    public func modelReplaced(replica: Classifier? = nil, learnedUpTo: Int = 0) {
        guard let worker else { return }
        unsentRecords = []
        if let replica {
            let later = state.journal.trainingSequence(after: learnedUpTo)
            worker.submit([.replaceMerged(replica, later: later)], request: nil)
        } else {
            worker.submit([.replace(state.model)], request: nil)
        }
    }

    /// Hands records the worker has not seen yet to it (keeping its replica in step).
    func sendRecords() {
        guard let worker, !unsentRecords.isEmpty else { return }
        worker.submit(unsentRecords.map { .record($0) }, request: nil)
        unsentRecords = []
    }

    /// Continues a search in the background over a snapshot of the queue; a newer search cancels it.
    func startSearch(_ r: SearchRequest) {
        let token = searches.next()
        let store = state.store, order = state.queue, inbox = self.inbox, searches = self.searches
        inbox.started("search")
        DispatchQueue.global(qos: .userInitiated).async {
            BackgroundPriority.lower()
            let search = MessageSearch(r.query)
            var found: Int?
            var done = 0
            let n = order.count
            while done < r.remaining, found == nil {
                guard searches.isCurrent(token) else {
                    inbox.finish("search", nil)
                    return
                }
                let step = min(8192, r.remaining - done)
                let start = r.forward ? r.start + done : r.start - done
                let (k, visited) = search.scan(store, order: order, from: (start % n + n) % n, forward: r.forward, limit: step)
                if let k { found = order[k] }
                done += visited
            }
            inbox.finish("search", searches.isCurrent(token) ? .searchDone(SearchResult(query: r.query, message: found)) : nil)
        }
    }
}

extension App {
    /// Finds a limit's matches off the key loop (both cores); the reducer applies them if the
    /// analyst has not asked for another limit meanwhile.
    func startLimit(_ query: String) {
        let store = state.store, inbox = self.inbox
        inbox.started("limit")
        DispatchQueue.global(qos: .userInitiated).async {
            BackgroundPriority.lower()
            let limit = QueueLimit.find(query, in: store)
            inbox.finish("limit", .limitFound(limit))
        }
    }
}

/// A counter naming the newest background search.
final class SearchToken: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0

    /// Starts a new search and returns its token.
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        current += 1
        return current
    }

    /// Whether `token` is still the newest search.
    func isCurrent(_ token: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return token == current
    }
}
