import Core
import Engine

/// Rebuilds the model from journal records: a fresh classifier to which every
/// effective (not undone) record is applied in journal order by `ModelUpdate`,
/// exactly as the live session applied them.
public enum ModelRebuild {
    /// The model for `records`, skipping the sequence numbers in `undone`.
    public static func rebuild(records: [JournalRecord], undone: [Int: Int], store: MessageStore,
                               config: EngineConfig) -> Classifier {
        var model = Classifier(config: config)
        apply(records[...], undone: undone, to: &model, store: store)
        return model
    }

    /// Applies the effective records of `records` to `model`, in order (the rest of a journal
    /// after a model snapshot).
    public static func apply(_ records: ArraySlice<JournalRecord>, undone: [Int: Int], to model: inout Classifier,
                             store: MessageStore) {
        for r in records where undone[r.seq] == nil {
            ModelUpdate.apply(r, to: &model, store: store)
        }
    }
}
