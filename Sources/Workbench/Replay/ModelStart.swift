import Core
import Dispatch
import Engine
import Foundation

/// The model a session starts with: the workspace's model snapshot plus the journal records
/// after it when the snapshot provably matches the journal, otherwise a full replay.
///
/// Both give the same model bit for bit (`ModelSnapshot` only holds what a replay of the
/// records it covers built). Loading is split in two so the snapshot can be read while the
/// messages import: `init` needs no messages, `replayRest` does.
public struct ModelStart {
    /// The model (after `replayRest`: for every record given).
    public internal(set) var model: Classifier
    /// Journal records the snapshot covered (0: none used, replayed from the start).
    public let covered: Int
    /// Why the snapshot was not used, when it was not.
    public let rejection: String?
    /// Records applied by `replayRest`.
    public private(set) var replayed = 0
    /// Seconds spent loading the snapshot and replaying.
    public private(set) var seconds: Double

    /// Reads the snapshot at `url` (nil: do not use one) if it matches `records` and `undone`
    /// (the journal's fold); otherwise starts from an empty model.
    public init(snapshot url: URL?, records: [JournalRecord], undone: [Int: Int], config: EngineConfig) {
        let t = ModelStart.now()
        var rejection: String?
        if let url, !records.isEmpty {
            do throws(ModelSnapshot.Rejection) {
                let (m, n) = try ModelSnapshot.load(url, records: records, undone: undone, config: config)
                model = m
                covered = n
                self.rejection = nil
                seconds = ModelStart.now() - t
                return
            } catch {
                rejection = error.reason
            }
        }
        model = Classifier(config: config)
        covered = 0
        self.rejection = rejection
        seconds = ModelStart.now() - t
    }

    /// Applies the effective records after the snapshot (all of them without one).
    public mutating func replayRest(records: [JournalRecord], undone: [Int: Int], store: MessageStore) {
        let t = ModelStart.now()
        let rest = records[min(covered, records.count)...]
        ModelRebuild.apply(rest, undone: undone, to: &model, store: store)
        replayed = rest.count
        seconds += ModelStart.now() - t
    }

    /// The start-up report line: nil when the snapshot was used, or when there was none and the
    /// journal is shorter than `minimumRecords` (a replay that short needs no snapshot).
    public func reportLine(minimumRecords: Int) -> String? {
        guard let rejection, covered == 0, replayed >= minimumRecords else { return nil }
        return "model replayed from all \(replayed) journal records in \(String(format: "%.1f", seconds)) s "
            + "(model snapshot not used: \(rejection))"
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
