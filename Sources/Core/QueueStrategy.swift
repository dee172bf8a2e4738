/// How the queue of unlabeled messages is ordered (active learning).
public enum QueueStrategy: String, Sendable, CaseIterable, Codable {
    /// Lowest top-label probability first.
    case leastConfidence = "least-confidence"
    /// Smallest gap between the two best labels first.
    case margin
    /// Highest entropy of the label distribution first.
    case entropy
    /// Uncertainty weighted by how typical the message is of the data.
    case density
    /// Seeded random order.
    case random
    /// The order of the input file.
    case file

    /// A short name for headers and status lines.
    public var title: String {
        switch self {
        case .leastConfidence: "least-conf"
        case .margin: "margin"
        case .entropy: "entropy"
        case .density: "density"
        case .random: "random"
        case .file: "file order"
        }
    }
}
