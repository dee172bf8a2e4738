import Core
import Engine

/// Everything ``InsightReport/compute(_:)`` looks at; a value, safe to hand to a background task.
public struct InsightInput: Sendable {
    /// All messages, labeled or not.
    public var store: MessageStore
    /// The analyst's labels by message index.
    public var labels: [Int: String]
    /// The live model. When nil and there are labels, one is consolidated from the labels.
    public var classifier: Classifier?
    /// Model top-label probability per message index (NaN = unknown); nil lets the report compute them.
    public var confidences: [Double]?
    /// Top terms per label at the last cycle (``LexiconSuggester/snapshot(_:)``), for suggestion deltas.
    public var previousTopTerms: [String: [TermWeight]]
    /// The classifier's top terms per label now, read by the caller (`topTermsByLabel`); when
    /// given, suggestions come from them and `classifier` may be a weightless `skeleton()`
    /// (so a background report never shares the live model's weights).
    public var topTerms: [String: [TermWeight]]?
    /// (term, label) pairs already in the lexicon or rejected: never suggested.
    public var excludedSuggestions: Set<TermLabel>
    /// Terms never suggested (suppressed).
    public var excludedTerms: Set<String>
    /// Settings.
    public var options: InsightOptions
    /// Called between the report's phases and often within the long ones (every few
    /// thousand messages, every k-means iteration, every few thousand training steps):
    /// a caller may block in it to let more urgent work run. Nil: never called.
    public var checkpoint: (@Sendable () -> Void)?

    /// Creates an input; only the messages are required.
    public init(store: MessageStore, labels: [Int: String] = [:], classifier: Classifier? = nil,
                confidences: [Double]? = nil, previousTopTerms: [String: [TermWeight]] = [:],
                excludedSuggestions: Set<TermLabel> = [], excludedTerms: Set<String> = [],
                topTerms: [String: [TermWeight]]? = nil, options: InsightOptions = .init()) {
        self.topTerms = topTerms
        self.store = store
        self.labels = labels
        self.classifier = classifier
        self.confidences = confidences
        self.previousTopTerms = previousTopTerms
        self.excludedSuggestions = excludedSuggestions
        self.excludedTerms = excludedTerms
        self.options = options
    }
}
