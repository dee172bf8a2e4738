import Core
import Dispatch
import Engine

extension RankWorker {
    /// Completes a ranking from the verdicts `scores` of `model` (the worker's replica): flips
    /// against the previous ranking, the pending order, and what the key loop would otherwise
    /// compute itself — top terms per label (cycle snapshots, insight) and confidences (insight).
    /// Runs on the worker's queue.
    func ranking(_ r: RankRequest, scores: [Scored], model: Classifier, started t0: UInt64) -> Ranking {
        let n = scores.count
        var flips = 0
        var tops = [Int32](repeating: -1, count: n)
        var confidences = [Float](repeating: .nan, count: n)
        for i in 0..<n {
            let v = scores[i]
            tops[i] = v.top
            if v.top >= 0 { confidences[i] = v.confidence }
        }
        if lastTops.count == n {
            for i in 0..<n where lastTops[i] >= 0 && lastTops[i] != tops[i] { flips += 1 }
        }
        lastTops = tops
        // The order (a sort of every pending message) and the top terms (a pass over the
        // vocabulary) are independent: one on each core.
        nonisolated(unsafe) var pending: [Int32] = []
        nonisolated(unsafe) var terms: RankedTerms?
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            BackgroundPriority.lower()
            if part == 0 {
                pending = QueueOrder.pendingHeadLast(status: r.status, scores: scores, strategy: r.strategy)
            } else if model.examplesLearned > 0 {
                terms = RankedTerms(generation: r.generation, byLabel: model.topTermsByLabel(count: RankedTerms.count))
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return Ranking(scores: Handoff(scores), order: Handoff(PendingOrder(headLast: pending, count: n)), generation: r.generation, bookVersion: r.bookVersion,
                       flips: flips, seconds: seconds, terms: terms, confidences: confidences)
    }
}
