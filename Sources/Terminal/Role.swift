/// A semantic role that a theme gives a style to. Views name roles, never colours.
public enum Role: String, Sendable, CaseIterable, Hashable {
    case text
    case muted
    case title
    case border
    case borderActive = "border_active"
    case header
    case status
    case statusKey = "status_key"
    case selected
    case cursor
    case supporting
    case opposing
    case match
    case confidenceLow = "confidence_low"
    case confidenceMid = "confidence_mid"
    case confidenceHigh = "confidence_high"
    case warning
    case error
    case saved
    case chip0, chip1, chip2, chip3, chip4, chip5, chip6, chip7

    /// The chip role for the label at `index` (cycles through eight chips).
    public static func chip(_ index: Int) -> Role {
        [Role.chip0, .chip1, .chip2, .chip3, .chip4, .chip5, .chip6, .chip7][((index % 8) + 8) % 8]
    }
}
