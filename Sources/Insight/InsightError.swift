/// Errors of the Insight module; messages say what was wrong and what to do.
public enum InsightError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message files held no message.
    case noMessages(files: [String])
    /// The report could not be written as JSON.
    case encodingFailed(reason: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .noMessages(let files):
            "no messages in \(files.joined(separator: ", ")): give a JSONL, CSV or text file with at least one message (`dyad validate FILE` lists import problems)"
        case .encodingFailed(let reason):
            "cannot write the insight report as JSON (\(reason)); run without --json to see it as tables"
        }
    }
}
