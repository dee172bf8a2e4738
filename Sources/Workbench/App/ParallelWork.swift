import Dispatch

/// Runs a throwing computation on another core at once; `value()` waits for it.
///
/// Start-up uses it to read and fold the journal while the message file is imported.
final class ParallelWork<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            // Not lowered: start-up waits for it (and a pool thread keeps its level).
            BackgroundPriority.normal()
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The result (waits until it is there); rethrows the work's error.
    func value() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}

/// Carries a value that is not `Sendable` from a finished `ParallelWork` to the waiting thread.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
