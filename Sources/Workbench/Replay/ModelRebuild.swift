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
        for r in records where undone[r.seq] == nil {
            ModelUpdate.apply(r, to: &model, store: store)
        }
        return model
    }
}
