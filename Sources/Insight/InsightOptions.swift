import Engine

/// Settings of every Insight computation, bundled for ``InsightReport/compute(_:)``.
public struct InsightOptions: Sendable {
    /// TF-IDF vectorizer.
    public var vectorizer: VectorizerOptions
    /// Clustering (`k` override, seed, sampling).
    public var clusters: ClusterOptions
    /// Anomaly detection.
    public var anomalies: AnomalyDetector
    /// Emerging terms.
    public var emerging: EmergingTerms
    /// Lexicon suggestions.
    public var suggester: LexiconSuggester
    /// Suspected inconsistencies.
    public var inconsistencies: InconsistencyFinder
    /// Engine settings of the model trained from the labels when no classifier is given.
    public var engine: EngineConfig
    /// Most messages scored by the model for cluster confidence when no confidences are given (0 = never).
    public var predictLimit: Int

    /// Creates options; every part has its own defaults.
    public init(vectorizer: VectorizerOptions = .init(), clusters: ClusterOptions = .init(),
                anomalies: AnomalyDetector = .init(), emerging: EmergingTerms = .init(),
                suggester: LexiconSuggester = .init(), inconsistencies: InconsistencyFinder = .init(),
                engine: EngineConfig = .init(), predictLimit: Int = 200_000) {
        self.vectorizer = vectorizer
        self.clusters = clusters
        self.anomalies = anomalies
        self.emerging = emerging
        self.suggester = suggester
        self.inconsistencies = inconsistencies
        self.engine = engine
        self.predictLimit = predictLimit
    }
}
