extension Reducer {
    /// `w`: picks a label to explain the model's verdicts against ("why not persistence?"),
    /// or, when one is chosen, goes back to the default comparison.
    static func toggleRival(_ s: inout AppState) -> [Effect] {
        guard let r = s.rival else { return openLabelPick(&s, purpose: .rival) }
        s.rival = nil
        s.flash = Flash(.info, "reasons against \(r) off — against your label where you differ, else the runner-up")
        return []
    }

    /// Explains every triage message against `label` until `w` again.
    static func setRival(_ s: inout AppState, _ label: String) {
        s.rival = label
        s.flash = Flash(.info, "why not \(label)? the words below weigh the model's label against it — \(s.keyMap.hint(.whyNot)) again: off")
    }
}
