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
    private var vectors: [FeatureVector?]
    /// Messages beyond this count are featurized on the fly, not cached (memory bound).
    let limit: Int

    init(count: Int, limit: Int = 300_000) {
        self.limit = limit
        vectors = Array(repeating: nil, count: min(count, limit))
    }

    /// The features of message `i` under `model`, cached when within the limit.
    func features(_ i: Int, store: MessageStore, model: Classifier) -> FeatureVector {
        if i < vectors.count {
            lock.lock()
            let cached = vectors[i]
            lock.unlock()
            if let fv = cached, fv.generation == model.featureGeneration { return fv }
            let fv = model.featurize(store.text(i))
            lock.lock()
            vectors[i] = fv
            lock.unlock()
            return fv
        }
        return model.featurize(store.text(i))
    }
}
