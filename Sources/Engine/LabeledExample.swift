/// One labeled message as the consolidator sees it.
public struct LabeledExample: Sendable, Equatable {
    /// The message text (used when `features` is missing or stale).
    public var text: String
    /// The label the analyst gave.
    public var label: String
    /// Cached features, if any.
    public var features: FeatureVector?

    /// Creates a labeled example.
    public init(text: String, label: String, features: FeatureVector? = nil) {
        self.text = text
        self.label = label
        self.features = features
    }
}
