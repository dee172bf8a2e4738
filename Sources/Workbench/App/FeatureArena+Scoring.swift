import CKernels
import Dispatch
import Engine

/// A ranking's two passes over the arena: every word's n-gram weight sum, then every message.
extension FeatureArena {
    /// The n-gram weight sum of every distinct word under `model`
    /// (`model.scoreLanes` vectors per word), computed on every core into a
    /// fresh huge-page mapping (the ranking looks words up at random).
    func wordSums(model: Classifier) -> SlotBuffer {
        let lanes = model.scoreLanes, words = distinctWords
        var sums = SlotBuffer(count: words * lanes)
        guard !model.labels.isEmpty, words > 0 else { return sums }
        let starts = gramStarts, grams = gramSlots
        sums.withUnsafeMutableBufferPointer { sb in
            nonisolated(unsafe) let base = sb.baseAddress
            let block = 16_384
            DispatchQueue.concurrentPerform(iterations: (words + block - 1) / block) { c in
                BackgroundPriority.lower()
                guard let base else { return }
                grams.withUnsafeBufferPointer { g in
                    let end = min(words, (c + 1) * block)
                    func slots(_ t: Int) -> UnsafeBufferPointer<UInt32> {
                        UnsafeBufferPointer(rebasing: g[Int(starts[t])..<Int(starts[t + 1])])
                    }
                    for t in (c * block)..<end {
                        // The next word's rows load while this one is summed.
                        if t + 1 < end { model.prefetchRows(slots(t + 1)) }
                        model.addRows(slots(t), into: UnsafeMutableBufferPointer(start: base + t * lanes, count: lanes))
                    }
                }
            }
        }
        return sums
    }

    /// Scores messages `range` under `model`, given its `wordSums`, calling `body` with
    /// each message's index and its probabilities (in `scratch.probabilities`), in order.
    ///
    /// Software-pipelined: message `i + 1` is decoded and its rows are prefetched before
    /// message `i` is summed, so each message's hundred random look-ups are in flight
    /// while the previous one is computed. The numbers do not depend on it.
    func score(_ range: Range<Int>, model: Classifier, sums: UnsafeBufferPointer<SIMD4<Float>>,
               body: (Int, inout Classifier.ScoreScratch) -> Void) {
        guard !range.isEmpty else { return }
        let lanes = model.scoreLanes
        var current = [UInt32](repeating: 0, count: 1024), next = current
        let charSum = UnsafeMutableBufferPointer<SIMD4<Float>>.allocate(capacity: lanes)
        defer { charSum.deallocate() }
        var scratch = Classifier.ScoreScratch(for: model)
        func load(_ i: Int, into buffer: inout [UInt32]) -> (counts: SIMD2<UInt32>, total: Int, scales: SIMD2<Float>) {
            let meta = decode(i, into: &buffer)
            let a = Int(meta.counts.x), b = a + Int(meta.counts.y)
            buffer.withUnsafeBufferPointer { v in
                model.prefetchRows(UnsafeBufferPointer(rebasing: v[..<a]))
                for k in a..<b { dyad_prefetch(sums.baseAddress! + Int(v[k]) &* lanes) }
                model.prefetchRows(UnsafeBufferPointer(rebasing: v[b..<meta.total]))
            }
            return meta
        }
        var meta = load(range.lowerBound, into: &current)
        for i in range {
            let nextMeta = i + 1 < range.upperBound ? load(i + 1, into: &next) : meta
            let a = Int(meta.counts.x), b = a + Int(meta.counts.y)
            current.withUnsafeBufferPointer { v in
                for j in 0..<lanes { charSum[j] = .zero }
                for k in a..<b {
                    let row = Int(v[k]) &* lanes
                    for j in 0..<lanes { charSum[j] += sums[row &+ j] }
                }
                model.addRows(UnsafeBufferPointer(rebasing: v[b..<meta.total]), value: -1, into: charSum)
                model.probabilities(wordSlots: UnsafeBufferPointer(rebasing: v[..<a]), wordScale: meta.scales.x,
                                    charSum: UnsafeBufferPointer(charSum), charScale: meta.scales.y, scratch: &scratch)
            }
            body(i, &scratch)
            swap(&current, &next)
            meta = nextMeta
        }
    }
}
