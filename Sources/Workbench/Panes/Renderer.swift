import Terminal

/// Draws the whole screen for a state: the entry point of every frame.
public enum Renderer {
    /// The smallest terminal Dyad draws its views in.
    public static let minimumSize = Size(width: 50, height: 12)

    /// Renders `s` into a fresh buffer of `size`. Also reports the queue rows visible (for paging).
    public static func render(_ s: AppState, size: Size) -> (ScreenBuffer, pageSize: Int) {
        var b = ScreenBuffer(size: size, fill: s.theme.style(.text))
        guard fits(size) else {
            drawTooSmall(&b, s, size)
            return (b, 1)
        }
        let full = b.area
        let (header, rest) = full.splitTop(1)
        var (body, bottom) = rest.splitBottom(2)
        if let demo = s.demo, DemoBanner.height(for: body.height) > 0 {
            let (banner, below) = body.splitTop(DemoBanner.height(for: body.height))
            DemoBanner.draw(&b, banner, s, demo)
            body = below
        }
        HeaderPane.draw(&b, header, s)
        StatusPane.drawLabels(&b, Rect(x: bottom.x, y: bottom.y, width: bottom.width, height: 1), s)
        StatusPane.draw(&b, Rect(x: bottom.x, y: bottom.y + 1, width: bottom.width, height: 1), s)
        var page = 10
        switch s.view {
        case .triage:
            // The queue's previews are what the analyst scans (its label column narrows on a narrow screen).
            let leftWidth = max(30, body.width * 45 / 100)
            let (left, right) = body.splitLeft(leftWidth)
            let insightHeight = min(max(6, right.height * 40 / 100), 11)
            let (message, insight) = right.splitBottom(insightHeight)
            QueuePane.draw(&b, left, s, active: true)
            MessagePane.draw(&b, message, s, active: false)
            InsightPane.draw(&b, insight, s, active: false)
            page = max(1, left.height - 2)
        case .clusters:
            ClustersView.draw(&b, body, s)
        case .lexicon:
            LexiconView.draw(&b, body, s)
        case .review:
            ReviewView.draw(&b, body, s)
        case .cycles:
            CyclesView.draw(&b, body, s)
        case .signals:
            SignalsView.draw(&b, body, s)
        }
        if case .pickLabel(let pick) = s.mode { LabelPickOverlay.draw(&b, full, s, pick) }
        if case .help(let scroll) = s.mode { HelpOverlay.draw(&b, full, s, scroll: scroll) }
        if case .cycleReport(let n) = s.mode, let m = s.journal.cycles.last(where: { $0.number == n }) {
            CycleReportOverlay.draw(&b, full, s, m)
        }
        return (b, page)
    }

    /// Whether the workbench can be drawn at `size` (else only the "too small" notice is).
    public static func fits(_ size: Size) -> Bool {
        size.width >= minimumSize.width && size.height >= minimumSize.height
    }

    static func drawTooSmall(_ b: inout ScreenBuffer, _ s: AppState, _ size: Size) {
        let lines = ["Terminal too small:", "need \(minimumSize.width)×\(minimumSize.height),", "have \(size.width)×\(size.height).",
                     "Enlarge it; q quits."]
        for (k, l) in lines.enumerated() where k < size.height {
            b.put(l, x: 0, y: k, style: s.theme.style(.warning), maxWidth: size.width)
        }
    }
}
