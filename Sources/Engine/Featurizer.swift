/// Turns tokens into hashed features: word unigrams + bigrams (one block) and
/// character n-grams of each distinct word (a second block).
///
/// Suppressed terms (unigram or bigram keys) are dropped here, together with
/// every feature derived from them: a suppressed word yields no unigram, no
/// bigram and no character n-grams.
struct Featurizer: Sendable {
    let config: EngineConfig
    let unigramSeed: UInt64
    let bigramSeed: UInt64
    let charSeed: UInt64
    let lexSeed: UInt64

    init(config: EngineConfig) {
        self.config = config
        unigramSeed = FeatureHash.splitmix(config.seed ^ 0x01)
        bigramSeed = FeatureHash.splitmix(config.seed ^ 0x02)
        charSeed = FeatureHash.splitmix(config.seed ^ 0x03)
        lexSeed = FeatureHash.splitmix(config.seed ^ 0x04)
    }

    /// Hashed slot of a key.
    @inline(__always)
    func slot(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> UInt64(64 - config.hashBits)) }

    /// Key of a single token.
    @inline(__always)
    func unigramKey(_ text: String) -> UInt64 { FeatureHash.bytes(text, seed: unigramSeed) }

    /// Key of two consecutive tokens.
    @inline(__always)
    func bigramKey(_ a: UInt64, _ b: UInt64) -> UInt64 { FeatureHash.pair(a, b, seed: bigramSeed) }

    /// Slot of the learned lexicon feature of the term whose word slot is `wordSlot`.
    @inline(__always)
    func lexiconSlot(_ wordSlot: UInt32) -> UInt32 { slot(FeatureHash.mix(UInt64(wordSlot) ^ lexSeed)) }

    /// Key of a lexicon or suppression term (one token or two), or nil when it has none or more.
    func termKey(_ term: String) -> UInt64? {
        let words = collapseEntities(Tokenizer.tokenize(term))
        switch words.count {
        case 1: return unigramKey(words[0].text)
        case 2: return bigramKey(unigramKey(words[0].text), unigramKey(words[1].text))
        default: return nil
        }
    }

    /// Tokens of a term, keeping an entity and dropping its parts (so `evil[.]com` is one term).
    func collapseEntities(_ toks: [Token]) -> [Token] {
        guard let first = toks.first, first.kind != .word, first.kind != .number else { return toks }
        return toks.count > 0 && toks.allSatisfy({ first.range.contains($0.range.lowerBound) }) ? [first] : toks
    }

    /// Walks the features of `tokens`: `word(slot, token)` for unigrams and both
    /// tokens of each bigram, `char(slot, token)` for the character n-grams of each
    /// distinct word (with `allOccurrences`, once more for every repeat of the word).
    @inline(__always)
    func scan(_ tokens: [Token], suppressed: Set<UInt64>, allOccurrences: Bool,
              word: (UInt32, Int32) -> Void, char: (UInt32, Int32) -> Void) {
        let n = tokens.count
        let (keys, live) = scanWordBlock(tokens, suppressed: suppressed, word: word)
        guard config.charNGrams else { return }
        var firstOf: [(key: UInt64, token: Int32, grams: [UInt32])] = []
        firstOf.reserveCapacity(n)
        for i in 0..<n where live[i] && (tokens[i].kind == .word || tokens[i].kind == .number) {
            if let f = firstOf.firstIndex(where: { $0.key == keys[i] }) {
                if allOccurrences { for g in firstOf[f].grams { char(g, Int32(i)) } }
                continue
            }
            var grams: [UInt32] = []
            forEachCharGram(tokens[i].text) { g in
                char(g, Int32(i))
                if allOccurrences { grams.append(g) }
            }
            firstOf.append((keys[i], Int32(i), grams))
        }
    }

    /// The word block of `tokens`: `word(slot, token)` for unigrams and both tokens of each
    /// bigram. Returns each token's unigram key and whether it is live (not suppressed).
    @inline(__always)
    func scanWordBlock(_ tokens: [Token], suppressed: Set<UInt64>,
                       word: (UInt32, Int32) -> Void) -> (keys: [UInt64], live: [Bool]) {
        let n = tokens.count
        var keys = [UInt64](repeating: 0, count: n)
        var live = [Bool](repeating: true, count: n)
        let checkSuppressed = !suppressed.isEmpty
        for i in 0..<n {
            let k = unigramKey(tokens[i].text)
            keys[i] = k
            if checkSuppressed, suppressed.contains(k) { live[i] = false; continue }
            word(slot(k), Int32(i))
        }
        if config.bigrams, n > 1 {
            for i in 0..<(n - 1) where live[i] && live[i + 1] {
                let k = bigramKey(keys[i], keys[i + 1])
                if checkSuppressed, suppressed.contains(k) { continue }
                word(slot(k), Int32(i))
                word(slot(k), Int32(i + 1))
            }
        }
        return (keys, live)
    }

    /// Each distinct word of `tokens` that carries character n-grams, once, in order of first
    /// appearance (`body(token, key)`): the words whose n-grams `scan` emits, without hashing them.
    @inline(__always)
    func forEachCharWord(_ tokens: [Token], keys: [UInt64], live: [Bool], _ body: (Int32, UInt64) -> Void) {
        guard config.charNGrams else { return }
        var seen: [UInt64] = []
        seen.reserveCapacity(tokens.count)
        for i in tokens.indices where live[i] && (tokens[i].kind == .word || tokens[i].kind == .number) {
            if seen.contains(keys[i]) { continue }
            seen.append(keys[i])
            body(Int32(i), keys[i])
        }
    }

    /// Calls `emit` with the slot of every character n-gram of `<text>` (bytes).
    @inline(__always)
    func forEachCharGram(_ text: String, _ emit: (UInt32) -> Void) {
        let lo = config.charNGramMin, hi = config.charNGramMax
        let start = FeatureHash.fnvOffset ^ charSeed
        var t = text
        t.withUTF8 { u in
            let m = u.count + 2
            guard m >= lo else { return }
            // `<word>` in a buffer of its own: the inner loop is plain loads.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: m) { b in
                b[0] = 0x3C
                b[m - 1] = 0x3E
                for i in 0..<u.count { b[i + 1] = u[i] }
                for p in 0...(m - lo) {
                    var h = start
                    for q in 0..<(lo - 1) { h = (h ^ UInt64(b[p &+ q])) &* FeatureHash.fnvPrime }
                    for q in (lo - 1)..<min(hi, m - p) {
                        h = (h ^ UInt64(b[p &+ q])) &* FeatureHash.fnvPrime
                        emit(slot(FeatureHash.mix(h ^ UInt64(q + 1))))
                    }
                }
            }
        }
    }

    /// The compact, cacheable vector of `tokens` (slots in order of first appearance).
    func vector(_ tokens: [Token], suppressed: Set<UInt64>, generation: Int) -> FeatureVector {
        var w: [UInt32] = [], c: [UInt32] = []
        w.reserveCapacity(2 * tokens.count)
        c.reserveCapacity(16 * tokens.count)
        var ws = SlotSet(capacity: 2 * tokens.count), cs = SlotSet(capacity: 16 * tokens.count)
        scan(tokens, suppressed: suppressed, allOccurrences: false, word: { s, _ in
            if ws.insert(s).inserted { w.append(s) }
        }, char: { s, _ in
            if cs.insert(s).inserted { c.append(s) }
        })
        let wc = w.count
        w.append(contentsOf: c)
        return FeatureVector(indices: w, wordCount: wc,
                             wordScale: wc > 0 ? 1 / Float(wc).squareRoot() : 0,
                             charScale: c.isEmpty ? 0 : 1 / Float(c.count).squareRoot(),
                             generation: generation)
    }

    /// One distinct feature with its value and the tokens it came from (for explanations).
    struct Traced {
        var slot: UInt32
        var value: Float
        var tokens: [Int32]
    }

    /// Distinct features in the same order as `vector`, each with its source
    /// tokens, and the vector itself (built from the same walk).
    func traced(_ tokens: [Token], suppressed: Set<UInt64>, generation: Int) -> ([Traced], FeatureVector) {
        var wp: [(slot: UInt32, token: Int32)] = [], cp: [(slot: UInt32, token: Int32)] = []
        scan(tokens, suppressed: suppressed, allOccurrences: true,
             word: { wp.append(($0, $1)) }, char: { cp.append(($0, $1)) })
        let word = group(wp)
        let char = group(cp)
        let ws: Float = word.isEmpty ? 0 : 1 / Float(word.count).squareRoot()
        let cs: Float = char.isEmpty ? 0 : 1 / Float(char.count).squareRoot()
        let traced = word.map { Traced(slot: $0.0, value: ws, tokens: $0.1) }
            + char.map { Traced(slot: $0.0, value: cs, tokens: $0.1) }
        let fv = FeatureVector(indices: traced.map(\.slot), wordCount: word.count, wordScale: ws, charScale: cs,
                               generation: generation)
        return (traced, fv)
    }

    /// Groups (slot, token) pairs by slot, in order of first appearance, with distinct tokens per slot.
    func group(_ pairs: [(slot: UInt32, token: Int32)]) -> [(UInt32, [Int32])] {
        var set = SlotSet(capacity: pairs.count)
        var out: [(UInt32, [Int32])] = []
        for p in pairs {
            let (pos, new) = set.insert(p.slot)
            if new { out.append((p.slot, [p.token])) } else if !out[pos].1.contains(p.token) { out[pos].1.append(p.token) }
        }
        return out
    }
}
