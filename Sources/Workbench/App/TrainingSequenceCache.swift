import Journal

/// The journal's training sequence (message id, label) as immutable chunks, extended
/// at its end as decisions arrive, so starting a consolidation costs the key loop the
/// new decisions only.
///
/// Building the whole sequence walks every label event through two dictionaries: with
/// a hundred thousand decisions that took tens of milliseconds, on the key loop, each
/// time a consolidation started. Chunks are never written once made, so a background
/// job holding them never makes the key loop copy anything; an undo or a rename
/// (`JournalState.trainingRevision`) rebuilds them.
struct TrainingSequenceCache {
    typealias Entry = (messageID: String, label: String)

    /// The sequence, chunk after chunk.
    private(set) var chunks: [[Entry]] = []
    /// Entries in `chunks`.
    private(set) var count = 0
    /// The journal's `trainingRevision` the chunks were read at.
    private var revision = -1

    /// The chunks of `journal`'s training sequence (brought up to date first).
    mutating func chunks(of journal: JournalState) -> [[Entry]] {
        if revision != journal.trainingRevision || count > journal.trainingCount {
            chunks = []
            count = 0
            revision = journal.trainingRevision
        }
        if count < journal.trainingCount {
            let tail = journal.trainingSequence(after: count)
            chunks.append(tail)
            count += tail.count
        }
        return chunks
    }
}
