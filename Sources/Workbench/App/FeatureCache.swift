import Core
import Engine
import Foundation

/// Featurized messages kept between re-scorings, so a decision costs one
/// dot product per queued message instead of re-tokenizing every text.
///
/// Entries carry the classifier's feature generation; a change of
/// suppressions makes them stale and they are recomputed on demand.
/// Shared with the background scorer, hence the lock.
final class FeatureCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Direct-mapped: message `i` lives at `i % limit`, tagged with its index.
    private var vectors: [(index: Int, features: FeatureVector)?]
    /// Entries held at most (memory bound); beyond it, messages share entries.
    let limit: Int

    init(count: Int, limit: Int = 300_000) {
        self.limit = max(1, min(count, limit))
        vectors = Array(repeating: nil, count: self.limit)
    }

    /// The features of message `i` under `model`, from the cache when present and current.
    func features(_ i: Int, store: MessageStore, model: Classifier) -> FeatureVector {
        let k = i % limit
        lock.lock()
        let cached = vectors[k]
        lock.unlock()
        if let c = cached, c.index == i, c.features.generation == model.featureGeneration { return c.features }
        let fv = model.featurize(store.text(i))
        lock.lock()
        vectors[k] = (i, fv)
        lock.unlock()
        return fv
    }
}
