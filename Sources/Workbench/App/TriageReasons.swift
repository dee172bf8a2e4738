import Core
import Engine

/// The comparison behind triage's highlighted words: the model's label against the label the
/// analyst asked about (`w`), else against the analyst's own label where it differs, else
/// against the runner-up. Term mode moves over the same words the pane highlights.
struct TriageReasons {
    /// What the model's label is weighed against.
    enum Against: Equatable {
        /// The second most probable label (the default).
        case runnerUp
        /// A label the analyst chose with `w`.
        case chosen(String)
        /// The analyst's own decision on this message, which the model does not share.
        case yours(String)

        /// The label compared against, if not the runner-up.
        var label: String? {
            switch self {
            case .runnerUp: nil
            case .chosen(let l), .yours(let l): l
            }
        }
    }

    /// The model's token-by-token reasons (nil before it has learned anything).
    let explanation: Explanation?
    /// What they weigh the model's label against.
    let against: Against

    /// The reasons for message `i` as triage shows them, given the model's prediction for it.
    static func of(_ s: AppState, _ i: Int, prediction p: Prediction) -> TriageReasons {
        guard s.model.examplesLearned > 0, let top = p.top else { return TriageReasons(explanation: nil, against: .runnerUp) }
        let text = s.store.text(i)
        let against: Against = {
            if let r = s.rival, r != top, p.labels.contains(r) { return .chosen(r) }
            if let d = s.journal.decisions[s.store.id(i)]?.label, d != top, p.labels.contains(d) { return .yours(d) }
            return .runnerUp
        }()
        return TriageReasons(explanation: s.model.explain(text, target: top, rival: against.label), against: against)
    }

    /// The reasons for the selected message, if any.
    static func selected(_ s: AppState) -> TriageReasons? {
        guard let i = s.selected else { return nil }
        return of(s, i, prediction: s.model.predict(s.store.text(i)))
    }
}
