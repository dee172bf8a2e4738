/// A semantic role that a theme gives a style to. Views name roles, never colours.
public enum Role: String, Sendable, CaseIterable, Hashable {
    /// Ordinary text.
    case text
    /// Secondary, less important text.
    case muted
    /// Pane titles.
    case title
    /// Pane borders.
    case border
    /// The border of the focused pane.
    case borderActive = "border_active"
    /// The header line.
    case header
    /// The status line.
    case status
    /// Key names in the status line.
    case statusKey = "status_key"
    /// The selected line.
    case selected
    /// The cursor position inside text.
    case cursor
    /// A word that supports the predicted label.
    case supporting
    /// A word that opposes the predicted label.
    case opposing
    /// A search match.
    case match
    /// Low model confidence.
    case confidenceLow = "confidence_low"
    /// Middling model confidence.
    case confidenceMid = "confidence_mid"
    /// High model confidence.
    case confidenceHigh = "confidence_high"
    /// A warning.
    case warning
    /// An error.
    case error
    /// A confirmation that something was saved.
    case saved
    /// Label chip 0 (labels cycle through eight chips).
    case chip0
    /// Label chip 1.
    case chip1
    /// Label chip 2.
    case chip2
    /// Label chip 3.
    case chip3
    /// Label chip 4.
    case chip4
    /// Label chip 5.
    case chip5
    /// Label chip 6.
    case chip6
    /// Label chip 7.
    case chip7

    /// The chip role for the label at `index` (cycles through eight chips).
    public static func chip(_ index: Int) -> Role {
        [Role.chip0, .chip1, .chip2, .chip3, .chip4, .chip5, .chip6, .chip7][((index % 8) + 8) % 8]
    }
}
