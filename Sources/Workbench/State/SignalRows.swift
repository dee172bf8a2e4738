/// The rows of the Signals view, in order: emerging terms (newest jumps in
/// frequency, strongest first), then anomalies (most unusual first). One cursor
/// walks both.
public enum SignalRow: Sendable, Equatable {
    /// An emerging term and the messages that carry it recently.
    case emerging(InsightSummary.EmergingInfo)
    /// A message unlike the rest.
    case anomaly(InsightSummary.AnomalyInfo)

    /// The rows of `insight` (none without it).
    public static func rows(_ insight: InsightSummary?) -> [SignalRow] {
        guard let insight else { return [] }
        return insight.emerging.map(SignalRow.emerging) + insight.anomalies.map(SignalRow.anomaly)
    }

    /// The message a row stands for: the anomaly, or the emerging term's first message.
    public var message: Int? {
        switch self {
        case .emerging(let e): e.messages.first
        case .anomaly(let a): a.index
        }
    }
}
