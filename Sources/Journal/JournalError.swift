/// Errors of the Journal module; each message says what was wrong and what to do.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another Dyad holds the workspace lock.
    case locked(pid: Int32, host: String, actor: String, since: String)
    /// A line before the last one is damaged; writing is refused.
    case corrupt(file: String, line: Int, reason: String)
    /// A line is well-formed but written by a newer Dyad (unknown version or event type).
    case unsupported(file: String, line: Int, reason: String)
    /// An append did not reach stable storage; the decision is not saved.
    case writeFailed(path: String, reason: String)
    /// The workspace was opened read-only.
    case readOnly(path: String)
    /// The workspace folder does not exist and was not to be created.
    case notFound(path: String)
    /// A file of the workspace could not be read or created.
    case io(path: String, reason: String)
    /// `settings.yaml` could not be parsed.
    case badSettings(file: String, reason: String)
    /// A record line could not be decoded (used by the codec).
    case badRecord(line: Int, reason: String)
    /// An import stopped (strict mode, or a file could not be read).
    case importFailed(file: String, line: Int, reason: String)
    /// An export could not be produced.
    case exportFailed(reason: String)

    /// A message naming the problem and the fix.
    public var description: String {
        switch self {
        case let .locked(pid, host, actor, since):
            return "workspace is in use by \(actor) (pid \(pid) on \(host), since \(since)); "
                + "close that Dyad, or open this one with --read-only"
        case let .corrupt(file, line, reason):
            return "\(file):\(line): journal line is damaged (\(reason)); writing is stopped to protect it. "
                + "Run `dyad journal verify` to see every problem, then `dyad journal repair --yes` "
                + "to keep a backup and truncate to the last good line"
        case let .unsupported(file, line, reason):
            return "\(file):\(line): \(reason); this journal was written by a newer Dyad — upgrade Dyad to open it"
        case let .writeFailed(path, reason):
            return "could not save to \(path): \(reason); the decision was NOT saved — free disk space "
                + "or fix permissions, then try again"
        case let .readOnly(path):
            return "workspace \(path) is open read-only; nothing can be saved (reopen without --read-only)"
        case let .notFound(path):
            return "no workspace at \(path); give an existing --workspace, or open it for writing to create it"
        case let .io(path, reason):
            return "\(path): \(reason)"
        case let .badSettings(file, reason):
            return "\(file): settings could not be read (\(reason)); fix the YAML or delete the file to get defaults"
        case let .badRecord(line, reason):
            return "line \(line): \(reason)"
        case let .importFailed(file, line, reason):
            return line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
        case let .exportFailed(reason):
            return "export failed: \(reason)"
        }
    }
}
