/// The classifier's complete learned state as bytes, for a model snapshot.
///
/// An image has two parts: the *state* (config, labels, biases, lexicon,
/// suppressions, vocabulary, counters — a few MB at most, canonical: every
/// dictionary is written in key order) and the *table* (the raw weight and
/// AdaGrad sums, written and read as they sit in memory: `lanes` vectors per slot, the
/// sum in the last column). Two models hold
/// the same state and table bytes exactly when they are bit-identical, so a
/// model decoded from an image behaves as the one that was encoded.
extension Classifier {
    /// Why an image could not be decoded.
    public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What was wrong.
        public var reason: String
        public var description: String { reason }
    }

    /// The state part of the image (everything but the weight table).
    public func imageState() -> [UInt8] {
        var w = ImageWriter()
        w.config(config)
        w.int(names.count)
        for (c, n) in names.enumerated() {
            w.string(n)
            w.byte(retired[c] ? 1 : 0)
        }
        w.int(stride)
        for b in bias { w.float(b) }
        for b in biasAccum { w.float(b) }
        w.int(lexicon.count)
        for slot in lexicon.keys.sorted() {
            let e = lexicon[slot]!
            w.u32(slot)
            w.string(e.term)
            w.int(e.members.count)
            for m in e.members { w.int(m) }
            w.int(e.boosts.count)
            for c in e.boosts.keys.sorted() { w.int(c); w.int(e.boosts[c]!) }
            w.int(e.priors.count)
            for p in e.priors { w.int(p.column); w.float(p.value) }
        }
        w.int(lexiconMask.count)
        for m in lexiconMask { w.u64(m) }
        w.int(suppressed.count)
        for k in suppressed.sorted() { w.u64(k) }
        w.int(suppressedTerms.count)
        for k in suppressedTerms.keys.sorted() { w.u64(k); w.string(suppressedTerms[k]!) }
        w.int(vocabulary.count)
        for slot in vocabulary.slots.sorted() { w.u32(slot); w.string(vocabulary[slot]!) }
        w.int(featureGeneration)
        w.int(examplesLearned)
        w.int(table.count)
        return w.bytes
    }

    /// Bytes of the weight table as the image stores it.
    public var imageTableByteCount: Int { table.count * MemoryLayout<SIMD4<Float>>.stride }

    /// Calls `body` with the raw bytes of the weight table (no copy).
    public func withImageTable<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try table.withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Decodes an image: `state` as written by `imageState()`; `fillTable` is called once with
    /// the fresh table's memory (`tableByteCount` bytes) and must write the stored table into it.
    ///
    /// - Throws: `ImageError` when the state is malformed, was written with another config
    ///   than `config`, or its table size does not match `tableByteCount`.
    public init(image state: UnsafeRawBufferPointer, config: EngineConfig, tableByteCount: Int,
                fillTable: (UnsafeMutableRawBufferPointer) throws -> Void) throws {
        var r = ImageReader(state)
        let stored = try r.config()
        guard stored == config else {
            throw ImageError(reason: "it was made with another engine config (hash bits \(stored.hashBits), "
                             + "learning rate \(stored.learningRate), seed \(stored.seed))")
        }
        self.init(config: config)
        let n = try r.count(limit: 1 << 16)
        for _ in 0..<n {
            names.append(try r.string())
            retired.append(try r.byte() != 0)
        }
        stride = try r.count(limit: 1 << 16)
        guard stride % 4 == 0, stride > names.count || (stride == 0 && names.isEmpty) else { throw ImageError(reason: "bad column stride \(stride)") }
        lanes = stride / 4
        bias = try (0..<n).map { _ in try r.float() }
        biasAccum = try (0..<n).map { _ in try r.float() }
        let lexCount = try r.count()
        for _ in 0..<lexCount {
            let slot = try r.u32()
            var e = LexiconEntry(term: try r.string())
            e.members = try (0..<(try r.count())).map { _ in try r.int() }
            for _ in 0..<(try r.count()) { let c = try r.int(); e.boosts[c] = try r.int() }
            e.priors = try (0..<(try r.count())).map { _ in (column: try r.int(), value: try r.float()) }
            lexicon[slot] = e
        }
        lexiconMask = try (0..<(try r.count())).map { _ in try r.u64() }
        let supCount = try r.count()
        suppressed.reserveCapacity(supCount)
        for _ in 0..<supCount { suppressed.insert(try r.u64()) }
        for _ in 0..<(try r.count()) { let k = try r.u64(); suppressedTerms[k] = try r.string() }
        let vocCount = try r.count()
        vocabulary.reserveCapacity(vocCount)
        for _ in 0..<vocCount {
            let s = try r.u32(), term = try r.string()
            guard Int(s) < slotCount else { throw ImageError(reason: "vocabulary slot \(s) out of range") }
            vocabulary.insert(s) { term }
        }
        featureGeneration = try r.int()
        examplesLearned = try r.int()
        let vectors = try r.int()
        guard r.atEnd else { throw ImageError(reason: "unexpected bytes after the model state") }
        guard vectors == slotCount * lanes else {
            throw ImageError(reason: "weight table of \(vectors) vectors does not fit \(slotCount) slots × \(stride) columns")
        }
        guard vectors * MemoryLayout<SIMD4<Float>>.stride == tableByteCount else {
            throw ImageError(reason: "weight table is \(tableByteCount) bytes, expected \(vectors * 16)")
        }
        refreshActive()
        table = SlotBuffer(count: vectors)
        tableWritten = true
        try table.withUnsafeMutableBufferPointer { try fillTable(UnsafeMutableRawBufferPointer($0)) }
    }
}

/// Appends little-endian fields to a byte array.
struct ImageWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func float(_ v: Float) { u32(v.bitPattern) }
    mutating func double(_ v: Double) { u64(v.bitPattern) }
    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }
    mutating func config(_ c: EngineConfig) {
        int(c.hashBits)
        byte(c.charNGrams ? 1 : 0)
        int(c.charNGramMin)
        int(c.charNGramMax)
        byte(c.bigrams ? 1 : 0)
        double(c.learningRate)
        u64(c.seed)
        double(c.lexiconPrior)
        double(c.boostStep)
        int(c.vocabularyLimit)
    }
}

/// Reads the fields `ImageWriter` wrote, failing on truncation.
struct ImageReader {
    let bytes: UnsafeRawBufferPointer
    var pos = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { pos == bytes.count }

    mutating func take(_ n: Int) throws(Classifier.ImageError) -> UnsafeRawBufferPointer {
        guard n >= 0, bytes.count - pos >= n else { throw Classifier.ImageError(reason: "model state is truncated") }
        defer { pos += n }
        return UnsafeRawBufferPointer(rebasing: bytes[pos..<(pos + n)])
    }

    mutating func byte() throws(Classifier.ImageError) -> UInt8 { try take(1)[0] }
    mutating func u32() throws(Classifier.ImageError) -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws(Classifier.ImageError) -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func int() throws(Classifier.ImageError) -> Int { Int(Int64(bitPattern: try u64())) }
    mutating func float() throws(Classifier.ImageError) -> Float { Float(bitPattern: try u32()) }
    mutating func double() throws(Classifier.ImageError) -> Double { Double(bitPattern: try u64()) }

    /// A non-negative count of items of at least one byte each: no larger than the bytes left (nor `limit`).
    mutating func count(limit: Int = Int.max) throws(Classifier.ImageError) -> Int {
        let n = try int()
        guard n >= 0, n <= limit, n <= bytes.count - pos else {
            throw Classifier.ImageError(reason: "implausible count \(n) in the model state")
        }
        return n
    }

    mutating func string() throws(Classifier.ImageError) -> String {
        let n = try count()
        return String(decoding: try take(n), as: UTF8.self)
    }

    mutating func config() throws(Classifier.ImageError) -> EngineConfig {
        var c = EngineConfig()
        c.hashBits = try int()
        c.charNGrams = try byte() != 0
        c.charNGramMin = try int()
        c.charNGramMax = try int()
        c.bigrams = try byte() != 0
        c.learningRate = try double()
        c.seed = try u64()
        c.lexiconPrior = try double()
        c.boostStep = try double()
        c.vocabularyLimit = try int()
        return c
    }
}
