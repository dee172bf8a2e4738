import Core
import Insight
/// What the machine currently sees in the data, in the shape the views need.
public struct InsightSummary: Sendable {
    /// A group of similar messages.
    public struct ClusterInfo: Sendable, Equatable {
        public var id: Int
        public var size: Int
        public var topTerms: [String]
        /// Label → count among labeled members.
        public var labelMix: [String: Int]
        public var unlabeledShare: Double
        public var meanConfidence: Double?
        /// Member message indices, representative first.
        public var members: [Int]
        /// Members nearest the boundary with another cluster.
        public var boundary: [Int]
        public init(id: Int, size: Int, topTerms: [String], labelMix: [String: Int], unlabeledShare: Double,
                    meanConfidence: Double?, members: [Int], boundary: [Int]) {
            self.id = id
            self.size = size
            self.topTerms = topTerms
            self.labelMix = labelMix
            self.unlabeledShare = unlabeledShare
            self.meanConfidence = meanConfidence
            self.members = members
            self.boundary = boundary
        }
    }

    /// A message unlike the rest.
    public struct AnomalyInfo: Sendable, Equatable {
        public var index: Int
        public var score: Double
        public var reason: String
        public init(index: Int, score: Double, reason: String) {
            self.index = index
            self.score = score
            self.reason = reason
        }
    }

    /// A term whose recent frequency jumped.
    public struct EmergingInfo: Sendable, Equatable {
        public var term: String
        public var score: Double
        public var messages: [Int]
        public init(term: String, score: Double, messages: [Int]) {
            self.term = term
            self.score = score
            self.messages = messages
        }
    }

    /// A term the model relies on, offered for the shared lexicon.
    public struct SuggestionInfo: Sendable, Equatable {
        public var term: String
        public var label: String
        public var weight: Double
        public var delta: Double
        /// Labeled messages of the label holding the term (nil: not counted).
        public var support: Int?
        public init(term: String, label: String, weight: Double, delta: Double, support: Int? = nil) {
            self.term = term
            self.label = label
            self.weight = weight
            self.delta = delta
            self.support = support
        }
    }

    /// A labeled message the model, trained without it, would label otherwise.
    public struct ReviewInfo: Sendable, Equatable {
        public var index: Int
        public var given: String
        public var suggested: String
        public var confidence: Double
        /// The held-out model's token contributions of `suggested` over `given` (positive first).
        public var reasons: [TokenContribution]
        /// The most similar labeled messages (indices into the workbench's store).
        public var neighbours: [ReviewNeighbour]
        public init(index: Int, given: String, suggested: String, confidence: Double,
                    reasons: [TokenContribution] = [], neighbours: [ReviewNeighbour] = []) {
            self.index = index
            self.given = given
            self.suggested = suggested
            self.confidence = confidence
            self.reasons = reasons
            self.neighbours = neighbours
        }
    }

    public var clusters: [ClusterInfo] = []
    public var anomalies: [AnomalyInfo] = []
    public var emerging: [EmergingInfo] = []
    public var suggestions: [SuggestionInfo] = []
    public var review: [ReviewInfo] = []
    /// Decisions made when this was computed (to tell how fresh it is).
    public var atDecisions: Int = 0

    public init() {}
}
