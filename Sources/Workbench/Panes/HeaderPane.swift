import Terminal

/// The top line: where we are, who works, how far along.
enum HeaderPane {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let st = s.theme.style(.header)
        b.putPadded(text(s, width: r.width), x: r.x, y: r.y, width: r.width, style: st)
    }

    /// The header's fields, the least needed dropped first when they do not fit: the analyst,
    /// the workspace, the order, then the long forms of the counts (`cycle 2 (24/25)` → `c2 24/25`).
    /// A read-only session says so right after the view, where no width cuts it.
    static func text(_ s: AppState, width: Int) -> String {
        let head = [" Dyad", s.view.rawValue] + (s.readOnly ? ["READ-ONLY"] : [])
        let agree = s.recentAgreement().map { ["agree \(Text.percent($0))"] } ?? []
        let long = ["\(s.labeledCount)/\(s.store.count) labeled", "cycle \(s.cycle.number) (\(s.cycle.decisions.count)/\(s.cycle.length))"] + agree
        let short = ["\(s.labeledCount)/\(s.store.count)", "c\(s.cycle.number) \(s.cycle.decisions.count)/\(s.cycle.length)"]
            + (s.recentAgreement().map { [Text.percent($0)] } ?? [])
        let ws = "ws \(Text.fit(s.workspacePath, 24))", analyst = "analyst \(s.analyst)", order = "order \(s.strategy.title)"
        let variants = [
            head + [ws, analyst, order] + long,
            head + [ws, order] + long,
            head + [order] + long,
            head + long,
            head + short,
        ].map { $0.joined(separator: " │ ") }
        return variants.first { DisplayWidth.of($0) <= width } ?? variants[variants.count - 1]
    }
}
