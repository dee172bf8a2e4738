import Foundation

/// CPU seconds added up from several threads.
final class CPUTally: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0.0

    /// Adds one thread's share.
    func add(_ seconds: Double) {
        lock.lock()
        total += seconds
        lock.unlock()
    }

    /// The sum so far.
    var seconds: Double {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}
