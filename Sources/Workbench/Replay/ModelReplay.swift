import Core
import Foundation
import Engine
import Journal

/// Rebuilds the model from the journal for the CLI (`export`, `classify`) and the Workbench.
///
/// There is one rule: every effective record is applied in journal order
/// through `ModelUpdate`, exactly what the live session did, so the rebuilt
/// model equals the live one bit for bit.
public enum ModelReplay {
    /// The model as the live session built it: effective records applied in journal order —
    /// starting from the model snapshot at `snapshot` when it provably matches the journal
    /// (the same model, bit for bit; see `ModelSnapshot`). Nothing is written.
    public static func rebuild(records: [JournalRecord], state: JournalState, store: MessageStore,
                               config: EngineConfig, snapshot: URL? = nil) -> Classifier {
        var start = ModelStart(snapshot: snapshot, records: records, undone: state.undone, config: config)
        start.replayRest(records: records, undone: state.undone, store: store)
        return start.model
    }
}
