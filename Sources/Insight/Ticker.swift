/// Calls an action every `every`-th tick: a checkpoint inside a long loop whose body
/// is a closure (the term index's tokenizer) without a loop counter of its own.
///
/// Ticked from one thread at a time (the loop that owns it); unchecked `Sendable` only
/// so that it can be captured by a `@Sendable` closure called sequentially.
final class Ticker: @unchecked Sendable {
    private let every: Int
    private let action: @Sendable () -> Void
    private var count = 0

    /// A ticker calling `action` every `every` ticks.
    init(every: Int, _ action: @escaping @Sendable () -> Void) {
        self.every = max(1, every)
        self.action = action
    }

    /// Counts one tick; calls the action on every `every`-th.
    func tick() {
        count += 1
        if count % every == 0 { action() }
    }
}
