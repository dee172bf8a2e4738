import Foundation

/// The model's view of one message: a distribution over labels.
public struct Prediction: Sendable, Equatable {
    /// Label names, parallel to `probabilities`.
    public var labels: [String]
    /// Probability per label; sums to 1 when there is at least one label.
    public var probabilities: [Double]

    /// Creates a prediction.
    public init(labels: [String], probabilities: [Double]) {
        self.labels = labels
        self.probabilities = probabilities
    }

    /// An empty prediction (no labels known yet).
    public static let empty = Prediction(labels: [], probabilities: [])

    /// Index of the most probable label (lowest index wins ties), or nil.
    public var topIndex: Int? {
        guard !probabilities.isEmpty else { return nil }
        var best = 0
        for i in 1..<probabilities.count where probabilities[i] > probabilities[best] { best = i }
        return best
    }

    /// Index of the second most probable label, or nil.
    public var runnerUpIndex: Int? {
        guard let t = topIndex, probabilities.count > 1 else { return nil }
        var best = -1
        for i in 0..<probabilities.count where i != t {
            if best < 0 || probabilities[i] > probabilities[best] { best = i }
        }
        return best
    }

    /// The most probable label.
    public var top: String? { topIndex.map { labels[$0] } }
    /// The second most probable label.
    public var runnerUp: String? { runnerUpIndex.map { labels[$0] } }
    /// Probability of the top label (0 when empty).
    public var confidence: Double { topIndex.map { probabilities[$0] } ?? 0 }
    /// Top probability minus runner-up probability.
    public var margin: Double {
        guard let t = topIndex else { return 0 }
        return probabilities[t] - (runnerUpIndex.map { probabilities[$0] } ?? 0)
    }
    /// Shannon entropy of the distribution, in nats.
    public var entropy: Double {
        var h = 0.0
        for p in probabilities where p > 0 { h -= p * log(p) }
        return h
    }
}

