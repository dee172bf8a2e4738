/// The status line's question before a bulk label: what speaks for or against it first (the
/// model's record on this focus, or how many of the messages the model itself gives the label),
/// then the question, so a narrow line cuts the least needed words.
enum BulkPrompt {
    static func text(_ s: AppState, _ ask: BulkAsk) -> String {
        let n = ask.messages.count
        let evidence: String?
        if ask.origin == .focus {
            evidence = QueueFocus.recordText(s, short: true).map { "model \($0) on these" }
        } else if let k = s.model.labels.firstIndex(of: ask.label) {
            let agree = ask.messages.reduce(0) { $0 + (s.scores.indices.contains($1) && Int(s.scores[$1].top) == k ? 1 : 0) }
            evidence = "model: \(agree) of \(n) \(ask.label)"
        } else {
            evidence = "model: no \(ask.label) yet"
        }
        let question = "\(Text.count(n, "message")) \(ask.what) → \(ask.label)? y/Enter yes, other keys no"
        return evidence.map { "\($0) · \(question)" } ?? question
    }
}
