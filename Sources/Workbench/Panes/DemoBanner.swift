import Terminal

/// The narration banner of `dyad demo`, drawn at the top of the body: the
/// step's chain on the left, learning curves of active versus random order on the right.
enum DemoBanner {
    /// Rows the banner takes in a body of `height` rows (0 when there is no room).
    static func height(for body: Int) -> Int {
        body >= 20 ? 7 : body >= 12 ? 4 : 0
    }

    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, _ n: DemoNarration) {
        guard r.height >= 3 else { return }
        let inner = Box.draw(&b, r, title: n.title, active: n.driver != .human, theme: s.theme)
        let curveWidth = inner.width >= 90 ? 40 : inner.width >= 70 ? 30 : 0
        let (left, right) = inner.splitLeft(inner.width - curveWidth)
        drawChain(&b, left, s, n)
        if curveWidth > 0 {
            // A rule between the story and the curves, so a long line never runs into the chart's title.
            for y in right.y..<right.maxY { b.put("│", x: right.x, y: y, style: s.theme.style(.border)) }
            drawCurves(&b, Rect(x: right.x + 2, y: right.y, width: right.width - 2, height: right.height), s, n)
        }
    }

    static func drawChain(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, _ n: DemoNarration) {
        let marks = ["1", "2", "3", "4", "5"]
        for (k, line) in n.lines.prefix(r.height).enumerated() {
            let done = k < n.current
            let style = k == n.current ? s.theme.style(.selected) : done ? s.theme.style(.text) : s.theme.style(.muted)
            let mark = k < marks.count ? marks[k] : "·"
            b.put(Text.fit("\(mark) \(line)", max(0, r.width - 1)), x: r.x, y: r.y + k, style: style, maxWidth: max(0, r.width - 1))
        }
        if n.lines.isEmpty {
            b.put("the simulated analyst takes the queue head every \(n.paceMs) ms…", x: r.x, y: r.y, style: s.theme.style(.muted),
                  maxWidth: r.width)
        }
    }

    static func drawCurves(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, _ n: DemoNarration) {
        let spark = max(4, r.width - 18)
        let rows: [(String, [Double], Role)] = [
            (String(n.strategy.prefix(7)), n.activeCurve, .confidenceHigh),
            ("random", n.randomCurve, .muted),
        ]
        var y = r.y
        b.put("macro-F1 at \(n.curveLabels) labels", x: r.x, y: y, style: s.theme.style(.title), maxWidth: r.width)
        y += 1
        for (name, curve, role) in rows where y < r.y + r.height {
            let value = curve.last.map { String(format: "%.2f", $0) } ?? " -  "
            let line = name.padding(toLength: 8, withPad: " ", startingAt: 0) + Sparkline.render(Array(curve.suffix(spark)))
            b.put(line, x: r.x, y: y, style: s.theme.style(role), maxWidth: r.width - 6)
            b.put(value, x: r.x + r.width - 5, y: y, style: s.theme.style(.text), maxWidth: 5)
            y += 1
        }
        if y < r.y + r.height {
            let agree = s.recentAgreement(20).map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
            b.put("agreement \(agree) · errors \(n.errorsCaught)/\(n.errorsMade) caught", x: r.x, y: y, style: s.theme.style(.text),
                  maxWidth: r.width)
        }
    }
}
