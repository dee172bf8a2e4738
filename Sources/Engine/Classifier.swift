import Core
import Foundation

/// An online multi-class text classifier that learns from every decision.
///
/// Multinomial logistic regression (softmax) over hashed binary features, with
/// AdaGrad steps whose rate is shared by a feature's label weights (one sum of
/// squared gradients per feature). Weights are `Float`, laid out feature-major
/// (`weights[slot * stride + column]`) so one feature's weights for all labels
/// sit together. Labels can be added at any time (columns are appended;
/// retired labels keep their column but leave predictions). Training is
/// deterministic: the same calls in the same order give bit-identical weights.
///
/// Probabilities are the softmax of the active labels' scores; they are the
/// model's own estimate (log-loss trained), reported as confidence.
public struct Classifier: Sendable {
    /// The settings this classifier was built with.
    public let config: EngineConfig
    let featurizer: Featurizer
    /// Every label ever defined, by column.
    var names: [String] = []
    /// Whether the label of each column is retired.
    var retired: [Bool] = []
    /// Active columns in definition order.
    var activeColumns: [Int] = []
    /// Columns allocated per feature slot: more than `names.count` (the last one holds the
    /// slot's AdaGrad sum), a multiple of 4.
    var stride = 0
    /// `stride / 4`: SIMD lanes per feature slot.
    var lanes = 0
    /// Weights, `lanes` vectors per slot: column `c` of slot `s` at `table[s * lanes + c / 4][c % 4]`,
    /// and in the last column (`stride - 1`, never a label's) the slot's AdaGrad sum. Up to 15 labels
    /// a slot's row is one 64-byte cache line, so a learning step finds a feature's rate where its
    /// weights are (a table of sums beside the weights cost a cache miss per feature: ~20 % of a step).
    var table = SlotBuffer(count: 0)
    /// False while nothing was ever written to `table` (a fresh or zeroed model): a re-layout then
    /// maps a new table without copying the old one. Copying wrote, and so zero-filled, every page
    /// of the new table — three times over for the labels of a rebuild from the journal (a third
    /// of a second per undo on a 2-core machine).
    var tableWritten = false
    var bias: [Float] = []
    var biasAccum: [Float] = []
    /// Lexicon and boosts by word slot.
    var lexicon: [UInt32: LexiconEntry] = [:]
    /// Bit per word slot that has a lexicon entry (fast negative lookups).
    var lexiconMask: [UInt64] = []
    /// Suppressed unigram/bigram keys and their spelling.
    var suppressed: Set<UInt64> = []
    var suppressedTerms: [UInt64: String] = [:]
    /// Readable terms by word slot, for `topTerms`.
    var vocabulary: Vocabulary
    /// Bumped whenever suppression changes: cached `FeatureVector`s of an older generation are stale.
    public internal(set) var featureGeneration = 0
    /// Number of examples learned.
    public internal(set) var examplesLearned = 0

    /// Creates an empty classifier (no labels yet).
    public init(config: EngineConfig = .init()) {
        self.config = config
        featurizer = Featurizer(config: config)
        vocabulary = Vocabulary(slotCount: 1 << config.hashBits)
    }

    /// Active labels, in order of definition.
    public var labels: [String] { activeColumns.map { names[$0] } }

    /// Number of hashed feature slots.
    var slotCount: Int { 1 << config.hashBits }

    /// Bytes held by weights and state (for memory reports).
    public var memoryBytes: Int { table.count * 16 + lexiconMask.count * 8 + vocabulary.byteCount }

    // MARK: Labels

    /// Column of a label (active or retired), if defined.
    func column(_ label: String) -> Int? { names.firstIndex(of: label) }

    /// Defines a label, or revives a retired one. New labels start with zero weights.
    public mutating func addLabel(_ label: String) {
        if let c = column(label) {
            if retired[c] { retired[c] = false; refreshActive() }
            return
        }
        names.append(label)
        retired.append(false)
        if names.count >= stride { grow(to: (names.count + 4) / 4 * 4) }
        bias.append(0)
        biasAccum.append(0)
        refreshActive()
    }

    /// Renames a label; does nothing if `from` is unknown or `to` already exists.
    public mutating func renameLabel(from: String, to: String) {
        guard let c = column(from), column(to) == nil else { return }
        names[c] = to
    }

    /// Retires a label: it leaves predictions; its weights are kept for a revival.
    public mutating func retireLabel(_ label: String) {
        guard let c = column(label), !retired[c] else { return }
        retired[c] = true
        refreshActive()
    }

    mutating func refreshActive() {
        activeColumns = names.indices.filter { !retired[$0] }
    }

    /// Re-lays the weights out with `newStride` columns (a multiple of 4) per slot.
    mutating func grow(to newStride: Int) {
        let slots = slotCount
        let newLanes = newStride / 4
        var t = SlotBuffer(count: slots * newLanes)
        if lanes > 0, tableWritten {
            let old = lanes
            table.withUnsafeBufferPointer { o in
                t.withUnsafeMutableBufferPointer { n in
                    for s in 0..<slots {
                        for j in 0..<old { n[s * newLanes + j] = o[s * old + j] }
                        // The sum moves to the new last column; its old place is a label's now.
                        n[s * newLanes + old - 1][3] = 0
                        n[s * newLanes + newLanes - 1][3] = o[s * old + old - 1][3]
                    }
                }
            }
        }
        table = t
        stride = newStride
        lanes = newLanes
    }

    /// Weight of column `c` at feature slot `slot`.
    @inline(__always)
    func weight(_ slot: UInt32, _ c: Int) -> Float { table[Int(slot) &* lanes + c >> 2][c & 3] }

    /// AdaGrad sum of squared gradients of feature slot `slot`.
    func rateSum(_ slot: UInt32) -> Float { table[Int(slot) &* lanes + lanes - 1][3] }

    // MARK: Features

    /// Computes the cacheable features of a message (under the current suppressions).
    public func featurize(_ text: String) -> FeatureVector {
        featurizer.vector(Tokenizer.tokenize(text), suppressed: suppressed, generation: featureGeneration)
    }

    // MARK: Prediction

    /// Probability of every active label for a message.
    public func predict(_ text: String) -> Prediction { predict(featurize(text)) }

    /// Probability of every active label for cached features.
    public func predict(_ fv: FeatureVector) -> Prediction {
        guard !activeColumns.isEmpty else { return .empty }
        return Prediction(labels: labels, probabilities: softmax(scores(fv)))
    }

    /// Raw scores (logits) of all columns for `fv`, `lanes` vectors.
    func scores(_ fv: FeatureVector) -> [SIMD4<Float>] {
        var out = [SIMD4<Float>](repeating: .zero, count: lanes)
        out.withUnsafeMutableBufferPointer { o in
            fv.indices.withUnsafeBufferPointer { idx in
                scores(into: o, slots: idx, wordCount: fv.wordCount, wordScale: fv.wordScale, charScale: fv.charScale)
            }
        }
        return out
    }

    /// Raw scores of all columns for features given as slots (word block first), into `o` (`lanes` vectors).
    @inline(__always)
    func scores(into o: UnsafeMutableBufferPointer<SIMD4<Float>>, slots idx: UnsafeBufferPointer<UInt32>,
                wordCount wc: Int, wordScale ws: Float, charScale cs: Float) {
        let ln = lanes
        for j in 0..<ln { o[j] = .zero }
        for c in 0..<names.count { o[c >> 2][c & 3] = bias[c] }
        table.withUnsafeBufferPointer { w in
            DotKernel.accumulate(into: o, rows: w, rowStride: ln, count: idx.count,
                                 id: { idx[$0] }, value: { $0 < wc ? ws : cs })
            if !lexicon.isEmpty {
                for k in 0..<min(wc, idx.count) where hasLexicon(idx[k]) {
                    guard let entry = lexicon[idx[k]] else { continue }
                    let base = Int(featurizer.lexiconSlot(idx[k])) &* ln
                    for j in 0..<ln { o[j] += w[base &+ j] }
                    for p in entry.priors where p.column < names.count { o[p.column >> 2][p.column & 3] += p.value }
                }
            }
        }
    }

    @inline(__always)
    func hasLexicon(_ slot: UInt32) -> Bool {
        guard !lexiconMask.isEmpty else { return false }
        return lexiconMask[Int(slot >> 6)] & (1 << UInt64(slot & 63)) != 0
    }

    /// Softmax over the active columns, in `activeColumns` order.
    func softmax(_ s: [SIMD4<Float>]) -> [Double] {
        var m = -Double.infinity
        for c in activeColumns { m = max(m, Double(s[c >> 2][c & 3])) }
        var p = activeColumns.map { exp(Double(s[$0 >> 2][$0 & 3]) - m) }
        let z = p.reduce(0, +)
        for i in p.indices { p[i] /= z }
        return p
    }

    // MARK: Learning

    /// Learns that a message has a label (the label is added if new, revived if retired).
    public mutating func learn(_ text: String, label: String) {
        let tokens = Tokenizer.tokenize(text)
        noteVocabulary(tokens)
        learn(featurizer.vector(tokens, suppressed: suppressed, generation: featureGeneration), label: label)
    }

    /// Learns that cached features have a label (one AdaGrad step on the log-loss).
    public mutating func learn(_ fv: FeatureVector, label: String) {
        if column(label).map({ retired[$0] }) ?? true { addLabel(label) }
        guard let y = column(label) else { return }
        step(fv, column: y, learningRate: Float(config.learningRate))
        examplesLearned += 1
    }

    /// One AdaGrad step towards column `y`.
    ///
    /// The gradient of the log-loss for feature `f` (value `v`) and column `c` is
    /// `v * g[c]` with `g = p - onehot(y)`. Each feature keeps one sum of squared
    /// gradients over all its columns, `n_f += v² Σ_c g[c]²`, and all its weights move by
    /// `lr * v * g[c] / sqrt(n_f)`: one square root per feature instead of one per
    /// weight, and on the ATT&CK split better than per-weight sums (docs/engine.md).
    mutating func step(_ fv: FeatureVector, column y: Int, learningRate lr: Float) {
        let ln = lanes
        let lexSlots: [UInt32] = lexicon.isEmpty ? [] : (0..<fv.wordCount).compactMap { k in
            let slot = fv.indices[k]
            return hasLexicon(slot) && lexicon[slot] != nil ? featurizer.lexiconSlot(slot) : nil
        }
        withUnsafeTemporaryAllocation(of: SIMD4<Float>.self, capacity: ln) { g in
            fv.indices.withUnsafeBufferPointer { idx in
                scores(into: g, slots: idx, wordCount: fv.wordCount, wordScale: fv.wordScale, charScale: fv.charScale)
            }
            gradient(scores: g, column: y)
            step(fv, lexSlots: lexSlots, gradient: UnsafeBufferPointer(g), learningRate: lr)
        }
    }

    /// Turns the scores in `s` into the gradient of the log-loss towards column `y`:
    /// softmax probability minus one-hot over the active columns, zero elsewhere.
    @inline(__always)
    func gradient(scores s: UnsafeMutableBufferPointer<SIMD4<Float>>, column y: Int) {
        var m = -Double.infinity
        for c in activeColumns { m = max(m, Double(s[c >> 2][c & 3])) }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * s.count) { e in
            var z = 0.0
            for c in activeColumns {
                e[c] = exp(Double(s[c >> 2][c & 3]) - m)
                z += e[c]
            }
            for j in 0..<s.count { s[j] = .zero }
            for c in activeColumns { s[c >> 2][c & 3] = Float(e[c] / z) - (c == y ? 1 : 0) }
        }
    }

    /// Moves the weights of `fv`'s features and of `lexSlots` (value 1) and the biases along `g`.
    mutating func step(_ fv: FeatureVector, lexSlots: [UInt32], gradient g: UnsafeBufferPointer<SIMD4<Float>>,
                       learningRate lr: Float) {
        let cols = names.count, ln = lanes
        var g2 = SIMD4<Float>.zero
        for j in 0..<ln { g2 += g[j] * g[j] }
        let gsum = g2.sum()
        tableWritten = true
        table.withUnsafeMutableBufferPointer { t in
            @inline(__always) func update(_ slot: Int, _ v: Float) {
                let base = slot &* ln, last = base &+ ln &- 1
                let acc = t[last][3] + v * v * gsum
                let d = SIMD4<Float>(repeating: lr * v / (acc.squareRoot() + 1e-6))
                // The gradient is zero in the sum's column: the loop leaves it as it is.
                for j in 0..<ln { t[base &+ j] -= d * g[j] }
                t[last][3] = acc
            }
            fv.indices.withUnsafeBufferPointer { idx in
                for k in 0..<idx.count {
                    update(Int(idx[k]), k < fv.wordCount ? fv.wordScale : fv.charScale)
                }
            }
            for slot in lexSlots { update(Int(slot), 1) }
        }
        for c in 0..<cols {
            let gc = g[c >> 2][c & 3]
            biasAccum[c] += gc * gc
            bias[c] -= lr * gc / (biasAccum[c].squareRoot() + 1e-6)
        }
    }

    /// Remembers readable unigram and bigram spellings by slot, for `topTerms`.
    mutating func noteVocabulary(_ tokens: [Token]) {
        guard vocabulary.count < config.vocabularyLimit else { return }
        var prev: UInt64?
        for (i, t) in tokens.enumerated() {
            let k = featurizer.unigramKey(t.text)
            let s = featurizer.slot(k)
            vocabulary.insert(s) { t.text }
            if config.bigrams, let p = prev {
                vocabulary.insert(featurizer.slot(featurizer.bigramKey(p, k))) { tokens[i - 1].text + " " + t.text }
            }
            prev = k
        }
    }
}
