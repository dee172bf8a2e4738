/// What one decision changed in the model, for the insight pane.
public struct ChangeSummary: Sendable, Equatable {
    /// The decision, e.g. `phishing ← m0042`.
    public var decision: String
    /// Whether the model's prior guess matched the analyst.
    public var agreed: Bool?
    /// Terms whose weight for the decided label moved most, with the new weight.
    public var movedTerms: [(term: String, delta: Double)]
    /// Queued messages whose top label changed with this update.
    public var flipped: Int

    public init(decision: String, agreed: Bool?, movedTerms: [(term: String, delta: Double)], flipped: Int) {
        self.decision = decision
        self.agreed = agreed
        self.movedTerms = movedTerms
        self.flipped = flipped
    }

    public static func == (a: ChangeSummary, b: ChangeSummary) -> Bool {
        a.decision == b.decision && a.agreed == b.agreed && a.flipped == b.flipped
            && a.movedTerms.map(\.term) == b.movedTerms.map(\.term)
    }
}
