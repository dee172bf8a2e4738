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
    /// The model's surest verdicts first — not active learning but confirmation: with a
    /// focus on one label, the messages most likely to be that label come first.
    case confident
    /// Seeded random order.
    case random
    /// The order of the input file.
    case file

    /// Whether a message's priority is multiplied by the rarity of the label the model gives it
    /// (the active-learning orders: not the confirmation order, the random or the file order).
    public var weighsRarity: Bool {
        switch self {
        case .leastConfidence, .margin, .entropy, .density: true
        case .confident, .random, .file: false
        }
    }

    /// A short name for headers and status lines.
    public var title: String {
        switch self {
        case .leastConfidence: "least-conf"
        case .margin: "margin"
        case .entropy: "entropy"
        case .density: "density"
        case .confident: "confident"
        case .random: "random"
        case .file: "file order"
        }
    }
}
