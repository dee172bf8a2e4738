import Foundation

/// Results of background jobs waiting to be handed to the reducer, shared
/// between worker threads and the main loop.
final class JobInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Action] = []
    private var running: [String: Int] = [:]
    private var notes: [String: String] = [:]

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
        if running[name] == 0 {
            running[name] = nil
            notes[name] = nil
        }
    }

    /// Delivers a result of a job that keeps running.
    func deliver(_ action: Action) {
        lock.lock(); defer { lock.unlock() }
        items.append(action)
    }

    /// Shows `text` instead of the job's name in the busy list (nil: the name again).
    func note(_ name: String, _ text: String?) {
        lock.lock(); defer { lock.unlock() }
        notes[name] = text
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
        return running.keys.sorted().map { notes[$0] ?? $0 }
    }

    /// Whether results wait to be drained.
    var hasResults: Bool {
        lock.lock(); defer { lock.unlock() }
        return !items.isEmpty
    }

    /// Whether the job `name` is running.
    func isRunning(_ name: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return running[name] != nil
    }
}
