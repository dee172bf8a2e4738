/// Where a message stands for the analyst.
public enum MessageState: Sendable, Equatable {
    case new
    case labeled(String)
    case skipped
    /// Labeled, but the model now disagrees strongly (in the review queue).
    case flagged(String)

    /// One-character mark for the queue pane.
    public var mark: String {
        switch self {
        case .new: "·"
        case .labeled: "✓"
        case .skipped: "»"
        case .flagged: "!"
        }
    }
}
