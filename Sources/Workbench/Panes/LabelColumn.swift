import Terminal

/// The label column of a message row outside triage (cluster members, an emerging
/// term's messages): the analyst's label as its chip, else the model's current guess,
/// muted and marked `?`.
enum LabelColumn {
    /// The analyst's label of message `i`, else the model's current guess (`guess` true).
    static func label(_ s: AppState, _ i: Int) -> (name: String?, guess: Bool) {
        if let given = s.journal.decisions[s.store.id(i)]?.label { return (given, false) }
        return (s.scores[safe: i]?.topLabel(in: s.model.labels), true)
    }

    /// Draws message `i`'s label in `width` columns at (`x`, `y`); `selected` overrides the style.
    static func draw(_ b: inout ScreenBuffer, x: Int, y: Int, width: Int, _ s: AppState, _ i: Int, selected: Style? = nil) {
        let t = s.theme
        let (label, guess) = label(s, i)
        guard let label else { return }
        let name = guess ? Text.fit(label, width - 1) + "?" : Text.fit(label, width)
        let style = selected ?? (guess ? t.style(.muted) : t.style(.chip(s.journal.labels.index(of: label) ?? 0)))
        b.put(name, x: x, y: y, style: style, maxWidth: width)
    }
}
