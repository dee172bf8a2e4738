import Foundation

/// Samples the resident set every few milliseconds on its own thread and
/// remembers what was running at the highest sample, so the benchmark can say
/// which step or background job sets the peak.
final class MemorySampler: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var step = ""
    private var highest: (mib: Double, step: String, jobs: [String]) = (0, "", [])
    private var inbox: JobInbox?

    /// Starts sampling.
    init() {
        let thread = Thread { [weak self] in
            while let self, self.sample() { usleep(20_000) }
        }
        thread.start()
    }

    /// Names the background jobs of `inbox` at each sample from now on.
    func watch(_ inbox: JobInbox) {
        lock.lock(); defer { lock.unlock() }
        self.inbox = inbox
    }

    /// Names the benchmark step now running.
    func enter(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        step = name
    }

    /// Stops sampling; returns the highest sample, the step and the jobs running then.
    func stop() -> (mib: Double, step: String, jobs: [String]) {
        lock.lock(); defer { lock.unlock() }
        stopped = true
        return highest
    }

    private func sample() -> Bool {
        let mib = PeakMemory.currentMiB() ?? 0
        lock.lock()
        let watched = inbox
        lock.unlock()
        let running = watched?.busy ?? []
        lock.lock(); defer { lock.unlock() }
        if mib > highest.mib { highest = (mib, step, running) }
        return !stopped
    }
}
