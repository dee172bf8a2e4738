import Foundation

/// Results of background jobs waiting to be handed to the reducer, shared
/// between worker threads and the main loop.
final class JobInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Action] = []
    private var running: [String: Int] = [:]

    /// Marks a job as started (for the "busy" indicator).
    func started(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        running[name, default: 0] += 1
    }

    /// Delivers a job's result and marks it finished.
    func finish(_ name: String, _ action: Action?) {
        lock.lock(); defer { lock.unlock() }
        if let action { items.append(action) }
        running[name, default: 1] -= 1
        if running[name] == 0 { running[name] = nil }
    }

    /// Takes all delivered results.
    func drain() -> [Action] {
        lock.lock(); defer { lock.unlock() }
        let out = items
        items = []
        return out
    }

    /// Names of jobs still running, sorted.
    var busy: [String] {
        lock.lock(); defer { lock.unlock() }
        return running.keys.sorted()
    }

    /// Whether the job `name` is running.
    func isRunning(_ name: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return running[name] != nil
    }
}
