import Foundation
import Terminal

/// All learning cycles side by side: how the machine and the analyst moved.
enum CyclesView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        let cycles = s.journal.cycles
        let inner = Box.draw(&b, r, title: "Cycles — \(cycles.count) closed, cycle \(s.cycle.number) open (\(s.cycle.decisions.count)/\(s.cycle.length))", active: true, theme: t)
        guard inner.height > 3 else { return }
        var y = inner.y
        let agree = cycles.map(\.agreement)
        let times = cycles.map(\.msPerDecision)
        let maxT = max(1, times.max() ?? 1)
        b.put("model agreement  " + Sparkline.render(agree) + "   " + (agree.last.map { Text.percent($0) } ?? "—"),
              x: inner.x, y: y, style: t.style(.confidenceHigh), maxWidth: inner.width)
        y += 1
        b.put("time / decision  " + Sparkline.render(times.map { $0 / maxT }) + "   " + (times.last.map { String(format: "%.1f s", $0 / 1000) } ?? "—"),
              x: inner.x, y: y, style: t.style(.confidenceMid), maxWidth: inner.width)
        y += 1
        let gold = cycles.compactMap(\.goldAccuracy)
        if !gold.isEmpty {
            b.put("gold accuracy    " + Sparkline.render(gold) + "   " + Text.percent(gold.last ?? 0),
                  x: inner.x, y: y, style: t.style(.supporting), maxWidth: inner.width)
            y += 1
        }
        y += 1
        let header = " #  decisions  agree  gold   flipped  ms/dec  lexicon(h/m)  consistency  moved terms"
        b.put(header, x: inner.x, y: y, style: t.style(.title), maxWidth: inner.width)
        y += 1
        for c in cycles.suffix(max(0, inner.maxY - y)) {
            let lex = "\(c.lexiconChanges["human"] ?? 0)/\(c.lexiconChanges["machine"] ?? 0)"
            let line = String(format: "%2d  %9d  %5@  %5@  %7d  %6.0f  %12@  %11@  %@",
                              c.number, c.decisions, Text.percent(c.agreement) as NSString,
                              (c.goldAccuracy.map { Text.percent($0) } ?? "—") as NSString, c.flipped, c.msPerDecision,
                              lex as NSString, (c.consistency.map { Text.percent($0) } ?? "—") as NSString,
                              c.movedTerms.prefix(4).joined(separator: " ") as NSString)
            b.put(line, x: inner.x, y: y, style: t.style(.text), maxWidth: inner.width)
            y += 1
        }
    }
}
