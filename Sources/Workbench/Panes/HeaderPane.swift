import Terminal

/// The top line: where we are, who works, how far along.
enum HeaderPane {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let st = s.theme.style(.header)
        var parts = [" Dyad", s.view.rawValue, "ws \(Text.fit(s.workspacePath, 24))", "analyst \(s.analyst)",
                     "order \(s.strategy.title)", "\(s.labeledCount)/\(s.store.count) labeled",
                     "cycle \(s.cycle.number) (\(s.cycle.decisions.count)/\(s.cycle.length))"]
        if let a = s.recentAgreement() { parts.append("agree \(Text.percent(a))") }
        if s.readOnly { parts.append("READ-ONLY") }
        b.putPadded(parts.joined(separator: " │ "), x: r.x, y: r.y, width: r.width, style: st)
    }
}
