import CKernels

extension Classifier {
    /// Starts loading the weight rows of `slots` into the cache (a hint: no effect on
    /// any result). A caller scoring many messages prefetches the next message's rows
    /// while it sums the current one, so the random look-ups into the table overlap.
    @inline(__always)
    public func prefetchRows(_ slots: UnsafeBufferPointer<UInt32>) {
        guard lanes > 0 else { return }
        table.withUnsafeBufferPointer { w in
            guard let base = w.baseAddress else { return }
            let ln = lanes
            for s in slots { dyad_prefetch(base + Int(s) &* ln) }
        }
    }
}
