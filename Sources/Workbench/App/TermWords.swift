import Core
import Engine

/// The influential words of the selected message that term mode moves between.
enum TermWords {
    /// Strongest supporting and opposing tokens of the selected message, in text order, one per distinct token.
    static func words(_ s: AppState) -> [TokenContribution] {
        guard let e = TriageReasons.selected(s)?.explanation else { return [] }
        var seen = Set<String>()
        var picked: [TokenContribution] = []
        for c in (e.supporting(8) + e.opposing(4)) where !seen.contains(c.token) {
            seen.insert(c.token)
            picked.append(c)
        }
        return picked.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// How the weights of a message's words for a label moved with one update.
enum TermMovement {
    /// Contributions of the message's tokens to `label` before the update.
    static func before(_ model: Classifier, text: String, label: String) -> [TokenContribution] {
        guard model.labels.contains(label) else { return [] }
        return model.explain(text, target: label, rival: nil)?.contributions ?? []
    }

    /// The tokens whose contribution to `label` changed most, with the change.
    static func after(_ model: Classifier, _ before: [TokenContribution], text: String, label: String) -> [(term: String, delta: Double)] {
        guard let now = model.explain(text, target: label, rival: nil)?.contributions else { return [] }
        var old: [String: Double] = [:]
        for c in before { old[c.token, default: 0] += c.weight }
        var new: [String: Double] = [:]
        for c in now { new[c.token, default: 0] += c.weight }
        return new.filter { $0.key.count <= 24 }.map { (term: $0.key, delta: $0.value - (old[$0.key] ?? 0)) }
            .sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : $0.term < $1.term }
            .prefix(5).map { $0 }
    }
}
