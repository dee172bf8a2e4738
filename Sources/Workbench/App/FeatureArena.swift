import Core
import Dispatch
import Engine
import Foundation

/// The features of every message, packed: each block's slots, sorted, as 16-bit
/// deltas (a 32-bit escape for the rare large gap), in chunks of `chunkSize`
/// messages so chunks fill in parallel without a second copy.
///
/// About 2 bytes per feature instead of 4 plus an array per message: a million
/// messages of ~200 characters fit in well under a gigabyte. Built for one
/// `featureGeneration`; when suppressions change it is rebuilt. Written only by
/// the ranking worker; chunks are filled by `concurrentPerform` workers, each its own.
final class FeatureArena: @unchecked Sendable {
    static let chunkSize = 8192

    /// One chunk's packed vectors.
    final class Chunk: @unchecked Sendable {
        var data: [UInt16] = []
        /// Start of each message's deltas in `data`, plus the end.
        var starts: [UInt32] = [0]
        var wordCount: [UInt16] = []
        var scales: [SIMD2<Float>] = []
    }

    private(set) var chunks: [Chunk] = []
    private(set) var generation = -1
    let count: Int

    init(count: Int) {
        self.count = count
    }

    /// Bytes held (for memory reports).
    var byteCount: Int { chunks.reduce(0) { $0 + $1.data.count * 2 + $1.starts.count * 4 + $1.wordCount.count * 10 } }

    /// Featurizes every message under `model` unless already done for its feature generation.
    func ensure(store: MessageStore, model: Classifier, progress: @Sendable (Double) -> Void = { _ in }) {
        guard generation != model.featureGeneration || chunks.isEmpty && count > 0 else { return }
        let n = count
        let built = (0..<((n + Self.chunkSize - 1) / Self.chunkSize)).map { _ in Chunk() }
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: built.count) { c in
            let chunk = built[c]
            let lo = c * Self.chunkSize, hi = min(n, lo + Self.chunkSize)
            chunk.data.reserveCapacity((hi - lo) * 360)
            chunk.starts.reserveCapacity(hi - lo + 1)
            for i in lo..<hi {
                let fv = model.featurize(store.text(i))
                Self.encode(fv, into: chunk)
            }
            chunk.data.reserveCapacity(0)
            let finished = done.add(hi - lo)
            if c % 8 == 0 { progress(Double(finished) / Double(max(1, n))) }
        }
        chunks = built
        generation = model.featureGeneration
    }

    /// Appends `fv` to `chunk`. Each block is stored sorted (features are binary
    /// within a block, so only the order of the float additions changes: scores
    /// may differ from `predict(text)` in the last bits, never in substance).
    static func encode(_ fv: FeatureVector, into chunk: Chunk) {
        let wc = min(fv.wordCount, fv.indices.count)
        let sorted = fv.indices[..<wc].sorted() + fv.indices[wc...].sorted()
        var prev: UInt32 = 0
        for (k, slot) in sorted.enumerated() {
            if k == wc { prev = 0 }
            let d = slot &- prev
            prev = slot
            if d < 0x8000 {
                chunk.data.append(UInt16(d))
            } else {
                chunk.data.append(0x8000 | UInt16(truncatingIfNeeded: d >> 16))
                chunk.data.append(UInt16(truncatingIfNeeded: d))
            }
        }
        chunk.starts.append(UInt32(chunk.data.count))
        chunk.wordCount.append(UInt16(min(fv.wordCount, Int(UInt16.max))))
        chunk.scales.append(SIMD2(fv.wordScale, fv.charScale))
    }

    /// The features of message `i`, decoded into `buffer` (reused between calls).
    func vector(_ i: Int, buffer: inout [UInt32]) -> FeatureVector {
        let (wc, sc) = decode(i, into: &buffer)
        return FeatureVector(indices: buffer, wordCount: wc, wordScale: sc.x, charScale: sc.y, generation: generation)
    }

    /// Decodes the slots of message `i` into `buffer` (word block first); returns the
    /// word block's length and the two blocks' values.
    @inline(__always)
    func decode(_ i: Int, into buffer: inout [UInt32]) -> (wordCount: Int, scales: SIMD2<Float>) {
        let chunk = chunks[i / Self.chunkSize]
        let j = i % Self.chunkSize
        let wc = Int(chunk.wordCount[j])
        buffer.removeAll(keepingCapacity: true)
        chunk.data.withUnsafeBufferPointer { d in
            var p = Int(chunk.starts[j])
            let end = Int(chunk.starts[j + 1])
            var prev: UInt32 = 0
            while p < end {
                if buffer.count == wc { prev = 0 }
                var d32 = UInt32(d[p])
                if d32 & 0x8000 != 0 {
                    d32 = (d32 & 0x7FFF) << 16 | UInt32(d[p + 1])
                    p += 1
                }
                p += 1
                prev &+= d32
                buffer.append(prev)
            }
        }
        return (wc, chunk.scales[j])
    }

    /// A thread-safe running total.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add(_ n: Int) -> Int {
            lock.lock(); defer { lock.unlock() }
            value += n
            return value
        }
    }
}
