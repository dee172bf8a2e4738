import Core
import Engine
import Journal

/// Rebuilds the model from the journal for the CLI (`export`, `classify`) and the Workbench.
///
/// Two rules are offered. `rebuild(records:state:store:config:)` applies every
/// effective record in journal order through `ModelUpdate` — exactly what the
/// live session did, so it gives the live model bit for bit; use it whenever
/// the records are at hand. `rebuild(state:store:config:)` needs only the
/// fold: it learns `trainingSequence` in order and then applies the lexicon,
/// boosts, suppressions and retirements as they stand at the end.
public enum ModelReplay {
    /// The model as the live session built it: effective records applied in journal order.
    public static func rebuild(records: [JournalRecord], state: JournalState, store: MessageStore,
                               config: EngineConfig) -> Classifier {
        ModelRebuild.rebuild(records: records, undone: state.undone, store: store, config: config)
    }

    /// The model from the fold alone: the training sequence, then the lexicon as it stands at the end.
    public static func rebuild(state: JournalState, store: MessageStore, config: EngineConfig) -> Classifier {
        var model = Classifier(config: config)
        for l in state.labels.all { model.addLabel(l.name) }
        for (id, label) in state.trainingSequence {
            if let i = store.index(ofID: id) { model.learn(store.text(i), label: label) }
        }
        for e in state.lexicon {
            if e.history.contains(where: { $0.change.op == .add }) { model.addLexiconTerm(e.term, label: e.label) }
            for _ in 0..<e.boosts { model.boost(term: e.term, label: e.label) }
        }
        for t in state.suppressedTerms.sorted() { model.suppress(term: t) }
        for l in state.labels.all where l.retired { model.retireLabel(l.name) }
        return model
    }
}
