import CKernels
import Foundation

/// The key loop comes first: every background job (ranking, featurizing, consolidation,
/// insight, search) runs its threads a few nice levels below it, so a key press that
/// needs a core gets one at once instead of waiting for a time slice (on two cores the
/// slowest frames were mostly that wait). Background threads still take every core the
/// key loop leaves idle, which is nearly all the time.
enum BackgroundPriority {
    /// Nice level of background threads (the key loop runs at 0).
    static let nice: Int32 = 5

    /// Lowers the calling thread to `nice`, unless it is the main thread (the key loop:
    /// `concurrentPerform` may run an iteration there). Pool threads keep the level, which
    /// is what is wanted: they only ever run background work.
    static func lower() {
        guard !Thread.isMainThread else { return }
        _ = dyad_set_thread_nice(nice)
    }

    /// Puts a pool thread back at the key loop's level for work something waits on
    /// (start-up). Raising a lowered thread needs the right to do so; without it the
    /// thread stays lowered, which only slows that work when the cores are busy.
    static func normal() {
        guard !Thread.isMainThread else { return }
        _ = dyad_set_thread_nice(0)
    }
}
