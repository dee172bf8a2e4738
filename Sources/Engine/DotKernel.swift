/// The inner loop of scoring: adds `value(k) * row(id(k))` for every feature
/// `k < count` to the `lanes` score vectors in `scores`.
///
/// Up to 16 labels (4 lanes) the sums stay in registers instead of being
/// stored and reloaded on every feature (the score buffer could alias the
/// weights as far as the compiler knows). The summation order per lane is the
/// feature order in every case, so results are bit-identical to the plain loop.
enum DotKernel {
    @inline(__always)
    static func accumulate(into scores: UnsafeMutableBufferPointer<SIMD4<Float>>,
                           rows: UnsafeBufferPointer<SIMD4<Float>>, rowStride: Int, count: Int,
                           id: (Int) -> UInt32, value: (Int) -> Float) {
        let ln = scores.count
        switch ln {
        case 1:
            var a = scores[0]
            for k in 0..<count { a += SIMD4(repeating: value(k)) * rows[Int(id(k)) &* rowStride] }
            scores[0] = a
        case 2:
            var a = scores[0], b = scores[1]
            for k in 0..<count {
                let base = Int(id(k)) &* rowStride, v = SIMD4<Float>(repeating: value(k))
                a += v * rows[base]; b += v * rows[base &+ 1]
            }
            scores[0] = a; scores[1] = b
        case 3:
            var a = scores[0], b = scores[1], c = scores[2]
            for k in 0..<count {
                let base = Int(id(k)) &* rowStride, v = SIMD4<Float>(repeating: value(k))
                a += v * rows[base]; b += v * rows[base &+ 1]; c += v * rows[base &+ 2]
            }
            scores[0] = a; scores[1] = b; scores[2] = c
        case 4:
            var a = scores[0], b = scores[1], c = scores[2], d = scores[3]
            for k in 0..<count {
                let base = Int(id(k)) &* rowStride, v = SIMD4<Float>(repeating: value(k))
                a += v * rows[base]; b += v * rows[base &+ 1]; c += v * rows[base &+ 2]; d += v * rows[base &+ 3]
            }
            scores[0] = a; scores[1] = b; scores[2] = c; scores[3] = d
        default:
            for k in 0..<count {
                let base = Int(id(k)) &* rowStride, v = SIMD4<Float>(repeating: value(k))
                for j in 0..<ln { scores[j] += v * rows[base &+ j] }
            }
        }
    }
}
