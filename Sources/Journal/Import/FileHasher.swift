import Dispatch

/// Hashes the first bytes of a file (FNV-1a 64, continuing a running hash) on another core.
///
/// The messages-file hash of `session_opened` is one sequential pass over every byte; the
/// importer starts it here and reads the rows meanwhile.
final class FileHasher: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: FNV1a

    /// Starts hashing the first `bytes` bytes of `path` into `start`.
    init(path: String, bytes: Int, from start: FNV1a) {
        result = start
        DispatchQueue.global(qos: .userInitiated).async {
            var h = self.result
            var left = bytes
            _ = try? MessageImporter.readChunks(path: path, from: 0) { chunk in
                let n = min(left, chunk.count)
                h.combine(UnsafeBufferPointer(rebasing: chunk[0..<n]))
                left -= n
            }
            self.result = h
            self.done.signal()
        }
    }

    /// The hash (waits for it).
    func value() -> FNV1a {
        done.wait()
        done.signal()
        return result
    }
}
