import Core
import Dispatch
import Engine
import Foundation

/// The features of every message, packed and split by word, so that a ranking
/// costs about a hundred look-ups per message instead of several hundred.
///
/// A message is stored as three sorted blocks of 16-bit deltas (a 32-bit escape
/// for the rare large gap): its word-block slots, the ids of its distinct words,
/// and the character slots its words share (`WordSplit.overlaps`). The character
/// n-grams of each distinct word of the corpus are stored once (`gramSlots`), so
/// a ranking first sums every word's n-gram weights (`WordSums`) and then scores
/// each message from its word block, its words' sums and its overlaps — the same
/// score as the full feature vector, in another order of float additions.
///
/// Built for one `featureGeneration`; when suppressions change it is rebuilt.
/// Written only by the ranking worker. Chunks of `chunkSize` messages are read on
/// every core in waves; word ids are given in chunk order after each wave, so the
/// same messages always get the same ids.
final class FeatureArena: @unchecked Sendable {
    static let chunkSize = 8192

    /// One chunk's packed messages.
    final class Chunk: @unchecked Sendable {
        var data: [UInt16] = []
        /// Start of each message's deltas in `data`, plus the end.
        var starts: [UInt32] = [0]
        /// Word-block slots and distinct words of each message (the rest of its data are overlaps).
        var counts: [SIMD2<UInt32>] = []
        /// Each message's word-block and character-block values.
        var scales: [SIMD2<Float>] = []
    }

    private(set) var chunks: [Chunk] = []
    private(set) var generation = -1
    /// Start of each distinct word's n-gram slots in `gramSlots`, plus the end.
    private(set) var gramStarts: [UInt32] = [0]
    /// Character n-gram slots of every distinct word, word after word.
    private(set) var gramSlots: [UInt32] = []
    let count: Int

    init(count: Int) {
        self.count = count
    }

    /// Number of distinct words.
    var distinctWords: Int { gramStarts.count - 1 }

    /// Takes parts read back from a workspace (`ArenaFile`) as the arena of `generation`.
    func restore(chunks: [Chunk], gramStarts: [UInt32], gramSlots: [UInt32], generation: Int) {
        self.chunks = chunks
        self.gramStarts = gramStarts
        self.gramSlots = gramSlots
        self.generation = generation
    }

    /// Bytes held (for memory reports).
    var byteCount: Int {
        chunks.reduce(0) { $0 + $1.data.count * 2 + $1.starts.count * 4 + $1.counts.count * 8 + $1.scales.count * 8 }
            + gramStarts.count * 4 + gramSlots.count * 4
    }

    /// Featurizes every message under `model` unless already done for its feature generation.
    func ensure(store: MessageStore, model: Classifier, progress: @Sendable (Double) -> Void = { _ in }) {
        guard generation != model.featureGeneration || chunks.isEmpty && count > 0 else { return }
        let n = count
        let chunkTotal = (n + Self.chunkSize - 1) / Self.chunkSize
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var ids: [UInt64: UInt32] = [:]
        ids.reserveCapacity(n / 2)
        var starts: [UInt32] = [0], grams: [UInt32] = []
        var built: [Chunk] = []
        built.reserveCapacity(chunkTotal)
        for waveStart in stride(from: 0, to: chunkTotal, by: width) {
            let wave = waveStart..<min(chunkTotal, waveStart + width)
            let reads = wave.map { c in ChunkRead(range: (c * Self.chunkSize)..<min(n, (c + 1) * Self.chunkSize)) }
            DispatchQueue.concurrentPerform(iterations: reads.count) { k in
                BackgroundPriority.lower()
                reads[k].read(store: store, model: model)
            }
            // Global ids in chunk order: deterministic whatever the threads did.
            for r in reads {
                r.globalIDs = r.localKeys.indices.map { w in
                    if let id = ids[r.localKeys[w]] { return id }
                    let id = UInt32(ids.count)
                    ids[r.localKeys[w]] = id
                    grams.append(contentsOf: r.grams[Int(r.gramStarts[w])..<Int(r.gramStarts[w + 1])])
                    starts.append(UInt32(grams.count))
                    return id
                }
            }
            let encoded = reads.map { _ in Chunk() }
            DispatchQueue.concurrentPerform(iterations: reads.count) { k in
                BackgroundPriority.lower()
                reads[k].encode(into: encoded[k])
            }
            built += encoded
            progress(Double(min(n, wave.upperBound * Self.chunkSize)) / Double(max(1, n)))
        }
        chunks = built
        gramStarts = starts
        gramSlots = grams
        generation = model.featureGeneration
    }

    /// The three blocks of message `i`, decoded into the front of `buffer` (reused
    /// between calls, grown when needed): word-block slots, then word ids, then
    /// overlap slots. Returns the lengths of the first two blocks, the number of
    /// values written and the two blocks' values.
    @inline(__always)
    func decode(_ i: Int, into buffer: inout [UInt32]) -> (counts: SIMD2<UInt32>, total: Int, scales: SIMD2<Float>) {
        let chunk = chunks[i / Self.chunkSize]
        let j = i % Self.chunkSize
        let counts = chunk.counts[j]
        let firstEnd = Int(counts.x), secondEnd = Int(counts.x &+ counts.y)
        let start = Int(chunk.starts[j]), end = Int(chunk.starts[j + 1])
        // Every value takes at least one 16-bit entry.
        if buffer.count < end - start { buffer = [UInt32](repeating: 0, count: max(2 * buffer.count, end - start)) }
        let total = chunk.data.withUnsafeBufferPointer { d in
            buffer.withUnsafeMutableBufferPointer { out in
                var p = start, n = 0
                var prev: UInt32 = 0
                while p < end {
                    if n == firstEnd || n == secondEnd { prev = 0 }
                    var d32 = UInt32(d[p])
                    if d32 & 0x8000 != 0 {
                        d32 = (d32 & 0x7FFF) << 16 | UInt32(d[p + 1])
                        p += 1
                    }
                    p += 1
                    prev &+= d32
                    out[n] = prev
                    n += 1
                }
                return n
            }
        }
        return (counts, total, chunk.scales[j])
    }

    /// Appends the sorted values of one block to `data` as deltas.
    static func appendDeltas(_ sorted: ArraySlice<UInt32>, to data: inout [UInt16]) {
        var prev: UInt32 = 0
        for v in sorted {
            let d = v &- prev
            prev = v
            if d < 0x8000 {
                data.append(UInt16(d))
            } else {
                data.append(0x8000 | UInt16(truncatingIfNeeded: d >> 16))
                data.append(UInt16(truncatingIfNeeded: d))
            }
        }
    }

    /// One chunk's messages as read on a worker thread, with chunk-local word ids,
    /// until the wave's words have global ids and the chunk is encoded.
    final class ChunkRead: @unchecked Sendable {
        let range: Range<Int>
        /// Distinct words of the chunk (their keys) and their n-grams.
        var localKeys: [UInt64] = []
        var gramStarts: [UInt32] = [0]
        var grams: [UInt32] = []
        /// Global id of each local word (set between reading and encoding).
        var globalIDs: [UInt32] = []
        /// Per message: the ends of its three blocks in `values`.
        var ends: [SIMD3<UInt32>] = []
        var values: [UInt32] = []
        var scales: [SIMD2<Float>] = []

        init(range: Range<Int>) {
            self.range = range
        }

        func read(store: MessageStore, model: Classifier) {
            // The chunk's words, each word's n-grams hashed once (ids are chunk-local).
            let words = WordGrams(expectedWords: range.count * 4)
            ends.reserveCapacity(range.count)
            values.reserveCapacity(range.count * 110)
            scales.reserveCapacity(range.count)
            for i in range {
                let split = model.splitFeatures(store.text(i), words: words)
                values += split.wordSlots
                let a = UInt32(values.count)
                values += split.wordIDs
                let b = UInt32(values.count)
                values += split.overlaps
                ends.append(SIMD3(a, b, UInt32(values.count)))
                scales.append(SIMD2(split.wordScale, split.charScale))
            }
            localKeys = words.keys
            gramStarts = words.starts
            grams = words.slots
        }

        func encode(into chunk: Chunk) {
            chunk.data.reserveCapacity(values.count + values.count / 8)
            chunk.starts.reserveCapacity(ends.count + 1)
            chunk.counts.reserveCapacity(ends.count)
            var lo = 0
            for e in ends {
                let a = Int(e.x), b = Int(e.y), c = Int(e.z)
                for k in a..<b { values[k] = globalIDs[Int(values[k])] }
                values[lo..<a].sort()
                values[a..<b].sort()
                values[b..<c].sort()
                FeatureArena.appendDeltas(values[lo..<a], to: &chunk.data)
                FeatureArena.appendDeltas(values[a..<b], to: &chunk.data)
                FeatureArena.appendDeltas(values[b..<c], to: &chunk.data)
                chunk.starts.append(UInt32(chunk.data.count))
                chunk.counts.append(SIMD2(UInt32(a - lo), UInt32(b - a)))
                lo = c
            }
            chunk.scales = scales
            values = []
            ends = []
        }
    }
}
