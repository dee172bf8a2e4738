import Core
import Journal

/// Where the main loop appends events: the workspace journal, or nothing for read-only sessions.
public protocol JournalSink: AnyObject {
    /// Appends durably and returns the record; throws when nothing was saved.
    func append(_ event: Event) throws -> JournalRecord
}

extension Workspace: JournalSink {}
