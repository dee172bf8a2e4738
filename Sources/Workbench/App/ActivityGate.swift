import Foundation

/// Lets background work step aside while more urgent work runs: the ranking worker
/// marks a ranking as running, and consolidation waits at its checkpoints until it
/// is done, so a re-ranking of a large queue has both cores.
///
/// A wait never lasts longer than `longestWait`, so nothing can starve or hang on it.
final class ActivityGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var active = 0
    /// Longest a checkpoint waits, in seconds.
    let longestWait: TimeInterval

    init(longestWait: TimeInterval = 3) {
        self.longestWait = longestWait
    }

    /// Runs `body` as urgent work.
    func urgent<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        active += 1
        condition.unlock()
        defer {
            condition.lock()
            active -= 1
            if active == 0 { condition.broadcast() }
            condition.unlock()
        }
        return try body()
    }

    /// Waits while urgent work runs (at most `longestWait`).
    func waitIdle() {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: longestWait)
        while active > 0, condition.wait(until: deadline) {}
    }

    /// Whether urgent work is running.
    var isBusy: Bool {
        condition.lock()
        defer { condition.unlock() }
        return active > 0
    }
}
