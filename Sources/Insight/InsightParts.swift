/// Which parts of an ``InsightReport`` to compute (the others stay empty).
public struct InsightParts: OptionSet, Sendable {
    /// Raw bits.
    public let rawValue: Int
    /// Creates a set from raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Clusters (always computed when anomalies are: anomalies need them).
    public static let clusters = InsightParts(rawValue: 1)
    /// Anomalies.
    public static let anomalies = InsightParts(rawValue: 2)
    /// Emerging terms.
    public static let emerging = InsightParts(rawValue: 4)
    /// Lexicon suggestions.
    public static let suggestions = InsightParts(rawValue: 8)
    /// Review queue of suspected inconsistencies.
    public static let review = InsightParts(rawValue: 16)
    /// Everything.
    public static let all: InsightParts = [.clusters, .anomalies, .emerging, .suggestions, .review]
}
