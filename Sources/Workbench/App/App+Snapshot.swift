import Core
import Engine
import Foundation

extension App {
    /// Brings the workspace's model snapshot up to the whole journal; call it after the loop
    /// ends (quit, signal, end of input), never from the key loop.
    ///
    /// The snapshot must hold what a replay of the journal builds. While the live model is
    /// that (`consolidatedAt == nil`: online updates only) it is written as is; a consolidated
    /// live model is not a replay, so then the snapshot on disk is loaded and the records after
    /// it are replayed into it. Read-only sessions and journals under `minimumRecords` records
    /// write nothing.
    ///
    /// - Returns: a line for the analyst when the snapshot could not be brought up to date.
    @discardableResult
    public func saveSnapshot(in workspace: URL, minimumRecords: Int = ModelSnapshot.minimumRecords) -> String? {
        guard sink != nil, !state.readOnly, records.count >= minimumRecords,
              let coverage = ModelSnapshot.Coverage(records: records, count: records.count) else { return nil }
        let url = ModelSnapshot.url(in: workspace)
        if ModelSnapshot.coverage(at: url) == coverage { return nil }
        let undone = state.journal.undone
        let model: Classifier
        if state.consolidatedAt == nil {
            model = state.model
        } else {
            var start = ModelStart(snapshot: url, records: records, undone: undone, config: config)
            guard start.covered > 0 else {
                return "model snapshot not updated (\(start.rejection ?? "none")); the next start replays the journal in full"
            }
            start.replayRest(records: records, undone: undone, store: state.store)
            model = start.model
        }
        do {
            try ModelSnapshot.write(model, coverage: coverage, to: url)
        } catch {
            return "\(error)"
        }
        return nil
    }
}
