import Core
import Dispatch
import Engine

/// Background consolidation (issue 9): while the analyst reads, the model is
/// re-trained over every label so far and swapped in without losing a decision.
///
/// The rule (see `docs/engine.md`): the consolidated model after decision *m*
/// is `Consolidator.consolidate(model, examples 1…m)`, a pure function of the
/// journal prefix. A result computed while newer decisions arrived is merged
/// with them (`merge(_:replaying:)`); one computed before an undo or a lexicon
/// change is discarded, and a fresh one is started.
extension App {
    /// The labeled examples of the journal, in the order a fresh model learns them.
    func trainingExamples() -> [LabeledExample] {
        Self.examples(state.journal.trainingSequence, store: state.store)
    }

    /// Looks up the texts of a training sequence (pure, so it can run off the key loop).
    static func examples(_ sequence: [(messageID: String, label: String)], store: MessageStore) -> [LabeledExample] {
        sequence.compactMap { item in
            store.index(ofID: item.messageID).map { LabeledExample(text: store.text($0), label: item.label) }
        }
    }

    /// Starts consolidating the current labels in the background (at most one job at a time;
    /// a request while one runs is remembered and served when it ends).
    func startConsolidation() {
        guard consolidation.enabled, state.model.examplesLearned > 0 else { return }
        if inbox.isRunning("consolidating") {
            consolidation.pending = true
            return
        }
        consolidation.pending = false
        // Labels, lexicon and suppressions only: sharing the live weights would make the
        // next decision copy them (128 MB at 14 labels) on the key loop.
        let base = state.model.skeleton(), generation = state.modelGeneration
        // The sequence as chunks kept between consolidations: the key loop reads only the new decisions.
        let chunks = trainingChunks.chunks(of: state.journal), store = state.store
        let consolidator = {
            var c = consolidation.consolidator
            if let gate = worker?.gate { c.pause = { gate.waitIdle() } }
            return c
        }()
        let schema = state.schemaGeneration
        if consolidation.synchronous {
            let examples = Self.examples(chunks.flatMap { $0 }, store: store)
            let model = consolidator.consolidate(base, examples: examples)
            dispatch(.consolidated(model, examples: examples.count, schema: schema, generation: generation))
            return
        }
        consolidateInBackground(schema: schema, generation: generation) {
            // Texts are looked up here, off the key loop.
            let examples = App.examples(chunks.flatMap { $0 }, store: store)
            return (consolidator.consolidate(base, examples: examples), examples.count)
        }
    }

    /// Runs `work` (the model and the number of examples it learned) in the heavy-job lane and
    /// delivers it as a finished consolidation, with its own copy for the ranking worker if any.
    func consolidateInBackground(schema: Int, generation: Int32,
                                 _ work: @escaping @Sendable () -> (model: Classifier, examples: Int)) {
        let inbox = self.inbox, wantsReplica = worker != nil
        inbox.started("consolidating")
        HeavyJobs.async(yieldingTo: worker?.gate) {
            let (model, examples) = work()
            inbox.finish("consolidating", .consolidated(model, examples: examples, schema: schema, generation: generation,
                                                        replica: wantsReplica ? model.detached() : nil))
        }
    }
}

/// Settings and bookkeeping of background consolidation.
public struct ConsolidationSettings: Sendable {
    /// Whether consolidation runs at all.
    public var enabled = true
    /// Run inline (tests) instead of on a background thread.
    public var synchronous = false
    /// The consolidator (epochs, seed, step).
    public var consolidator = Consolidator()
    /// A consolidation was asked for while one was running.
    var pending = false

    public init() {}
}

extension App {
    /// Merges a finished consolidation with the decisions made while it ran, in the background,
    /// then delivers it again (as consolidated over all of them). True when it did so: the key loop
    /// then neither learns those decisions again nor copies the model's weights (its first write
    /// to a model still held by the finished action would copy the whole table).
    func catchUpInBackground(_ action: Action) -> Bool {
        guard case let .consolidated(model, examples, schema, generation, _) = action, !consolidation.synchronous,
              schema == state.schemaGeneration, state.journal.trainingCount > examples else { return false }
        let later = state.journal.trainingSequence(after: examples), store = state.store
        let learned = examples + later.count
        consolidateInBackground(schema: schema, generation: generation) {
            (Consolidator().merge(model, replaying: App.examples(later, store: store)), learned)
        }
        return true
    }
}

extension Reducer {
    /// Installs a finished consolidation: as is when nothing happened since, merged with the
    /// decisions made meanwhile, or dropped when an undo or a lexicon change made it stale.
    static func applyConsolidation(_ s: inout AppState, _ model: Classifier, examples: Int, schema: Int, generation: Int32) -> [Effect] {
        guard schema == s.schemaGeneration else { return [.consolidate] }
        let learned = s.journal.trainingCount
        guard learned >= examples else { return [.consolidate] }
        var merged = model
        if learned > examples {
            let later = App.examples(s.journal.trainingSequence(after: examples), store: s.store)
            merged = Consolidator().merge(model, replaying: later)
        }
        merged.adoptVocabulary(of: s.model)
        s.model = merged
        s.modelGeneration += 1
        s.consolidatedAt = examples
        return [.rescore]
    }
}
