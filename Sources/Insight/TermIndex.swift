import Core
import Foundation

/// Turns a message text into the terms Insight counts (normalized strings).
public typealias TermTokenizer = @Sendable (String) -> [String]

/// All messages as terms: vocabulary, document frequencies and L2-normalised TF-IDF vectors.
///
/// Rows are stored once, compressed (CSR): for each message the distinct term
/// ids it contains, increasing, with a TF-IDF weight that is zero for terms that
/// are not features (see ``VectorizerOptions``). Term strings are kept for display.
/// Memory is about 8 bytes per distinct term per message plus the vocabulary.
public struct TermIndex: Sendable {
    /// Every distinct term, by id.
    public let terms: [String]
    /// Number of messages each term occurs in, by term id.
    public let documentFrequency: [Int32]
    /// Inverse document frequency of each term (`ln((N+1)/(df+1)) + 1`), by term id.
    public let inverseDocumentFrequency: [Float]
    /// Term id of each feature (feature slots are dense `0..<featureCount`, in term-id order).
    public let featureTerms: [Int32]
    /// The options the index was built with.
    public let options: VectorizerOptions
    let rowStarts: [Int]
    let termIDs: [Int32]
    let featureStarts: [Int]
    let featureSlots: [Int32]
    let featureWeights: [Float]
    private let lookup: [String: Int32]

    /// Number of messages indexed.
    public var count: Int { rowStarts.count - 1 }

    /// Number of distinct terms.
    public var termCount: Int { terms.count }

    /// Number of features (dimensions of the vectors).
    public var featureCount: Int { featureTerms.count }

    /// Tokenizes every message of `store` and builds the vectors.
    public init(store: MessageStore, options: VectorizerOptions = .init(), tokenize: TermTokenizer) {
        self.init(count: store.count, options: options) { tokenize(store.text($0)) }
    }

    /// Builds the index from `count` documents whose terms `termsOf(i)` returns.
    init(count n: Int, options: VectorizerOptions, termsOf: (Int) -> [String]) {
        var lookup: [String: Int32] = [:]
        var terms: [String] = []
        var df: [Int32] = []
        var rowStarts = [0]
        rowStarts.reserveCapacity(n + 1)
        var ids: [Int32] = []
        var counts: [UInt16] = []
        ids.reserveCapacity(n * 16)
        counts.reserveCapacity(n * 16)
        var scratch: [Int32] = []
        for i in 0..<n {
            scratch.removeAll(keepingCapacity: true)
            for t in termsOf(i) {
                if let id = lookup[t] {
                    scratch.append(id)
                } else {
                    let id = Int32(terms.count)
                    lookup[t] = id
                    terms.append(t)
                    df.append(0)
                    scratch.append(id)
                }
            }
            scratch.sort()
            var k = 0
            while k < scratch.count {
                let id = scratch[k]
                var c = 1
                while k + c < scratch.count && scratch[k + c] == id { c += 1 }
                ids.append(id)
                counts.append(UInt16(min(c, Int(UInt16.max))))
                df[Int(id)] += 1
                k += c
            }
            rowStarts.append(ids.count)
        }
        let isFeature = Self.selectFeatures(df: df, documents: n, options: options)
        var featureSlot = [Int32](repeating: -1, count: terms.count)
        var featureTerms: [Int32] = []
        for id in 0..<terms.count where isFeature[id] {
            featureSlot[id] = Int32(featureTerms.count)
            featureTerms.append(Int32(id))
        }
        let idf = df.map { Float(log(Double(n + 1) / Double($0 + 1)) + 1) }
        var featureStarts = [0]
        featureStarts.reserveCapacity(n + 1)
        var slots: [Int32] = []
        var weights: [Float] = []
        slots.reserveCapacity(ids.count)
        weights.reserveCapacity(ids.count)
        for r in 0..<n {
            let first = weights.count
            var sum: Float = 0
            for k in rowStarts[r]..<rowStarts[r + 1] where featureSlot[Int(ids[k])] >= 0 {
                let w = (1 + Float(log(Double(counts[k])))) * idf[Int(ids[k])]
                slots.append(featureSlot[Int(ids[k])])
                weights.append(w)
                sum += w * w
            }
            if sum > 0 {
                let inv = 1 / sum.squareRoot()
                for k in first..<weights.count { weights[k] *= inv }
            }
            featureStarts.append(weights.count)
        }
        self.terms = terms
        self.documentFrequency = df
        self.inverseDocumentFrequency = idf
        self.featureTerms = featureTerms
        self.options = options
        self.rowStarts = rowStarts
        self.termIDs = ids
        self.featureStarts = featureStarts
        self.featureSlots = slots
        self.featureWeights = weights
        self.lookup = lookup
    }

    /// Marks the terms kept as features: document frequency within bounds, most frequent first.
    static func selectFeatures(df: [Int32], documents n: Int, options: VectorizerOptions) -> [Bool] {
        let maxDF = n >= 50 ? max(options.minDocumentFrequency, Int(options.maxDocumentShare * Double(n))) : Int.max
        var keep = df.map { Int($0) >= options.minDocumentFrequency && Int($0) <= maxDF }
        let candidates = keep.indices.filter { keep[$0] }
        if candidates.count > options.maxFeatures {
            let ranked = candidates.sorted { df[$0] != df[$1] ? df[$0] > df[$1] : $0 < $1 }
            for id in ranked[options.maxFeatures...] { keep[id] = false }
        }
        return keep
    }

    /// The id of a term, if it occurs in any message.
    public func id(of term: String) -> Int32? { lookup[term] }

    /// The TF-IDF vector of message `i` over term ids (features only, L2-normalised; empty when it has none).
    public func vector(_ i: Int) -> SparseVector {
        let r = featureStarts[i]..<featureStarts[i + 1]
        return SparseVector(indices: featureSlots[r].map { featureTerms[Int($0)] }, values: Array(featureWeights[r]))
    }

    /// The distinct term ids of message `i` (features or not), increasing.
    public func termIDs(of i: Int) -> ArraySlice<Int32> { termIDs[rowStarts[i]..<rowStarts[i + 1]] }

    /// True when message `i` has at least one feature.
    public func hasFeatures(_ i: Int) -> Bool { featureStarts[i + 1] > featureStarts[i] }
}
