import Dispatch

/// One background lane for the jobs that hold hundreds of megabytes while they run:
/// consolidation (a compact copy of every labeled example and a new weight table) and
/// insight (a term index and clustering over up to 200,000 messages).
///
/// On a queue of a million messages each of them is a few hundred megabytes at its
/// height; run side by side (the workbench starts both at once) their heights add up.
/// In one lane the peak is the larger of the two, and the ranking worker keeps the
/// other core. A job asked for while the other runs waits its turn (the inbox shows it
/// as running meanwhile, so requests still coalesce).
enum HeavyJobs {
    /// The serial queue both jobs run on.
    static let queue = DispatchQueue(label: "dyad.heavy", qos: .utility)

    /// Runs `work` in the lane once the jobs before it are done and no urgent work holds
    /// `gate` (a re-ranking of the queue: it gets both cores first).
    static func async(yieldingTo gate: ActivityGate?, _ work: @escaping @Sendable () -> Void) {
        queue.async {
            BackgroundPriority.lower()
            gate?.waitIdle()
            work()
        }
    }
}
