/// One measurement of a learner: how well it does on the test set after `labels` labels.
public struct CurvePoint: Sendable, Equatable, Codable {
    /// Labels learned so far.
    public var labels: Int
    /// Macro-F1 on the test set.
    public var macroF1: Double
    /// Accuracy on the test set.
    public var accuracy: Double

    /// Creates a point.
    public init(labels: Int, macroF1: Double, accuracy: Double) {
        self.labels = labels
        self.macroF1 = macroF1
        self.accuracy = accuracy
    }

    enum CodingKeys: String, CodingKey {
        case labels
        case macroF1 = "macro_f1"
        case accuracy
    }
}

/// A learning curve: test scores at increasing numbers of labels.
public struct LearningCurve: Sendable, Equatable, Codable {
    /// Points in increasing order of `labels`.
    public var points: [CurvePoint] = []

    /// Creates an empty curve.
    public init(points: [CurvePoint] = []) { self.points = points }

    /// The latest point, if any.
    public var last: CurvePoint? { points.last }

    /// Normalized area under the macro-F1 curve (trapezoids over labels, divided by the span; 0…1).
    ///
    /// A single point gives its own value; no points give 0.
    public var area: Double {
        guard let first = points.first, let last = points.last else { return 0 }
        guard last.labels > first.labels else { return first.macroF1 }
        var sum = 0.0
        for (a, b) in zip(points, points.dropFirst()) {
            sum += Double(b.labels - a.labels) * (a.macroF1 + b.macroF1) / 2
        }
        return sum / Double(last.labels - first.labels)
    }

    /// Encodes as the bare array of points.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(points)
    }

    /// Decodes from a bare array of points.
    public init(from decoder: any Decoder) throws {
        points = try decoder.singleValueContainer().decode([CurvePoint].self)
    }
}
