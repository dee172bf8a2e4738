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
        let f1 = cycles.compactMap(\.heldOutMacroF1)
        if !f1.isEmpty {
            b.put("held-out F1      " + Sparkline.render(f1) + "   " + String(format: "%.3f", f1.last ?? 0),
                  x: inner.x, y: y, style: t.style(.title), maxWidth: inner.width)
            y += 1
        }
        if let last = cycles.last(where: { !$0.heldOutF1ByLabel.isEmpty }), let weak = CycleReportOverlay.weakest(last, count: 5) {
            b.put("weakest labels   " + weak + "   (held-out F1 at cycle \(last.number))",
                  x: inner.x, y: y, style: t.style(.warning), maxWidth: inner.width)
            y += 1
        }
        let gold = cycles.compactMap(\.goldAccuracy)
        if !gold.isEmpty {
            b.put("gold accuracy    " + Sparkline.render(gold) + "   " + Text.percent(gold.last ?? 0),
                  x: inner.x, y: y, style: t.style(.supporting), maxWidth: inner.width)
            y += 1
        }
        y += 1
        let header = " #  decisions  at once  agree  held-out F1  gold  flipped  s/dec  lexicon h/m  consistency  moved terms"
        b.put(header, x: inner.x, y: y, style: t.style(.title), maxWidth: inner.width)
        y += 1
        func pad(_ v: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - v.count)) + v }
        for c in cycles.suffix(max(0, inner.maxY - y)) {
            let lex = "\(c.lexiconChanges["human"] ?? 0)/\(c.lexiconChanges["machine"] ?? 0)"
            let line = [pad(String(c.number), 2), pad(String(c.decisions), 10), pad(c.atOnce > 0 ? String(c.atOnce) : "—", 8),
                        pad(Text.percent(c.agreement), 6),
                        pad(c.heldOutMacroF1.map { String(format: "%.3f", $0) } ?? "—", 12),
                        pad(c.goldAccuracy.map { Text.percent($0) } ?? "—", 5), pad(String(c.flipped), 8),
                        pad(String(format: "%.1f", c.msPerDecision / 1000), 6), pad(lex, 12),
                        pad(c.consistency.map { Text.percent($0) } ?? "—", 12),
                        " " + c.movedTerms.prefix(4).joined(separator: " ")].joined(separator: " ")
            b.put(line, x: inner.x, y: y, style: t.style(.text), maxWidth: inner.width)
            y += 1
        }
    }
}
