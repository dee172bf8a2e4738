import Core
import Engine

/// All machine-to-human insights over one set of messages: clusters, anomalies,
/// emerging terms, lexicon suggestions and the review queue.
///
/// Computed by ``compute(_:)``, a pure function of its input (same input, same
/// report), so the Workbench can run it in a background task and swap the
/// result in when it is done.
public struct InsightReport: Sendable {
    /// Number of messages looked at.
    public var messageCount: Int
    /// Distinct terms and features of the term index.
    public var termCount: Int
    /// Features (dimensions) used for clustering.
    public var featureCount: Int
    /// Clusters and each message's cluster.
    public var clustering: Clustering
    /// Strangest messages first.
    public var anomalies: [Anomaly]
    /// Terms newly frequent in recent messages, strongest first.
    public var emergingTerms: [EmergingTerm]
    /// Lexicon suggestions per label (empty before any label).
    public var suggestions: [Suggestion]
    /// Suspected inconsistencies, most confident first (empty before two labels exist).
    public var review: [ReviewItem]
    /// The model's top terms per label now: pass as `previousTopTerms` next cycle.
    public var topTermsSnapshot: [String: [TermWeight]]

    /// Clusters with no labeled member (new ground the analyst has not covered).
    public var unlabeledClusters: [Cluster] { clustering.clusters.filter { $0.labeledCount == 0 } }

    /// Computes the insights named in `parts` (all by default).
    public static func compute(_ input: InsightInput, parts: InsightParts = .all) -> InsightReport {
        let o = input.options
        let store = input.store
        let pause = input.checkpoint ?? {}
        let ticks = Ticker(every: 4096, pause)
        let index = TermIndex(store: store, options: o.vectorizer) { text in
            ticks.tick()
            return TermIndex.engineTerms(text)
        }
        pause()
        var model = input.classifier
        let needsModel = !parts.isDisjoint(with: [.suggestions, .review]) || input.confidences == nil
        if model == nil, needsModel, !input.labels.isEmpty {
            model = trainedModel(store: store, labels: input.labels, options: o)
        }
        var confidences = input.confidences
        if confidences == nil, let model, !model.labels.isEmpty, store.count <= o.predictLimit {
            confidences = (0..<store.count).map { model.predict(store.text($0)).confidence }
        }
        pause()
        var clusterer = Clusterer(options: o.clusters)
        clusterer.checkpoint = input.checkpoint
        let clustering = parts.isDisjoint(with: [.clusters, .anomalies]) ? Clustering.empty(count: store.count)
            : clusterer.run(index, labels: input.labels, confidences: confidences)
        pause()
        let anomalies = parts.contains(.anomalies) ? o.anomalies.detect(index, clustering: clustering) : []
        pause()
        let emerging = parts.contains(.emerging) ? o.emerging.find(index, store: store) : []
        pause()
        var suggestions: [Suggestion] = []
        var review: [ReviewItem] = []
        var snapshot: [String: [TermWeight]] = [:]
        if let model {
            if parts.contains(.suggestions) {
                let top = input.topTerms ?? o.suggester.snapshot(model)
                let candidates = Set(top.values.flatMap { $0.prefix(o.suggester.candidates).map(\.term) })
                let support = TermSupport.count(candidates, store: store, labels: input.labels)
                suggestions = o.suggester.suggest(top: top, order: model.labels, previous: input.previousTopTerms,
                                                  excluded: input.excludedSuggestions, excludedTerms: input.excludedTerms,
                                                  labels: Set(input.labels.values), support: support)
                snapshot = top
            }
            if parts.contains(.review) {
                var finder = o.inconsistencies
                finder.checkpoint = input.checkpoint
                review = finder.find(store: store, labels: input.labels, base: model)
            }
        }
        return InsightReport(messageCount: store.count, termCount: index.termCount, featureCount: index.featureCount,
                             clustering: clustering, anomalies: anomalies, emergingTerms: emerging,
                             suggestions: suggestions, review: review, topTermsSnapshot: snapshot)
    }

    /// A model for the labels alone: one online pass in seeded order (so the model learns the
    /// readable vocabulary `topTerms` reports), then a consolidation from zero weights.
    static func trainedModel(store: MessageStore, labels: [Int: String], options o: InsightOptions) -> Classifier {
        var examples = labels.keys.sorted().compactMap { i in
            labels[i].map { LabeledExample(text: store.text(i), label: $0) }
        }
        var rng = SeededGenerator(seed: o.engine.seed)
        examples.shuffle(using: &rng)
        var base = Classifier(config: o.engine)
        for e in examples { base.learn(e.text, label: e.label) }
        return Consolidator(epochs: o.inconsistencies.epochs, seed: o.engine.seed, minSteps: 0, classBalance: 0)
            .consolidate(base, examples: examples)
    }
}
