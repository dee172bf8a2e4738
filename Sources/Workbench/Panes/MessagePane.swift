import Core
import Engine
import Foundation
import Terminal

/// The selected message in full, with the words that drove the model highlighted,
/// and the model's label, confidence and runner-up.
enum MessagePane {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, active: Bool) {
        guard let i = s.selected else {
            let inner = Box.draw(&b, r, title: "Message", active: active, theme: s.theme)
            b.put("The queue is empty.", x: inner.x, y: inner.y, style: s.theme.style(.muted))
            return
        }
        let t = s.theme
        var title = "Message \(s.store.id(i))"
        if let src = s.store.source(i) { title += " · \(src)" }
        if let ts = s.store.ts(i) { title += " · \(ts.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""))" }
        let inner = Box.draw(&b, r, title: title, active: active, theme: t)
        guard inner.height > 0, inner.width > 4 else { return }
        let text = s.store.text(i)
        let trained = s.model.examplesLearned > 0
        let prediction = trained ? s.model.predict(text) : .empty
        let reasons = TriageReasons.of(s, i, prediction: prediction)
        let explanation = reasons.explanation
        // Highlights: supporting and opposing words of the top label vs what it is weighed against.
        var spans: [(Range<Int>, Role)] = []
        let strong = (explanation?.supporting(8) ?? []).map { ($0.range, Role.supporting) }
            + (explanation?.opposing(5) ?? []).map { ($0.range, Role.opposing) }
        spans += strong
        var cursorRange: Range<Int>?
        if case .term(let k) = s.mode {
            let words = TermWords.words(s)
            if words.indices.contains(k) { cursorRange = words[k].range }
        }
        if case .boostLabel(let term) = s.mode {
            cursorRange = TermWords.words(s).first { $0.token == term }?.range
        }
        let query: String? = {
            if case .search(let q) = s.mode { return q }
            return s.lastSearch.isEmpty ? nil : s.lastSearch
        }()
        let matchRanges = query.map { utf8Matches(text, $0) } ?? []
        let styled = StyledText(text) { off in
            if let c = cursorRange, c.contains(off) { return t.style(.cursor) }
            if matchRanges.contains(where: { $0.contains(off) }) { return t.style(.match) }
            for (range, role) in spans where range.contains(off) { return t.style(role) }
            return t.style(.text)
        }
        let footer = min(4, max(0, inner.height - 1))
        drawWrapped(&b, Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - footer), styled, theme: t)
        drawVerdict(&b, Rect(x: inner.x, y: inner.maxY - footer, width: inner.width, height: footer), s, i, prediction, reasons)
    }

    /// Styled text wrapped into `r`; when it does not fit, the last row says how many lines are left.
    static func drawWrapped(_ b: inout ScreenBuffer, _ r: Rect, _ styled: StyledText, theme t: Theme) {
        guard r.height > 0, r.width > 0 else { return }
        let lines = styled.wrapped(width: r.width)
        for (row, line) in lines.prefix(r.height).enumerated() {
            var col = r.x
            for (ch, st) in line {
                col += b.put(String(ch), x: col, y: r.y + row, style: st, maxWidth: r.maxX - col)
            }
        }
        if lines.count > r.height {
            let more = "… \(lines.count - r.height + 1) more lines"
            b.put(more, x: max(r.x, r.maxX - DisplayWidth.of(more)), y: r.y + r.height - 1, style: t.style(.muted), maxWidth: r.width)
        }
    }

    /// UTF-8 ranges where `q` occurs in `text`, case-insensitively.
    static func utf8Matches(_ text: String, _ q: String) -> [Range<Int>] {
        guard !q.isEmpty else { return [] }
        var out: [Range<Int>] = []
        var from = text.startIndex
        while from < text.endIndex, let m = text.range(of: q, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
            let lo = text.utf8.distance(from: text.startIndex, to: m.lowerBound)
            let hi = text.utf8.distance(from: text.startIndex, to: m.upperBound)
            out.append(lo..<hi)
            if m.isEmpty { break }
            from = m.upperBound
        }
        return out
    }

    static func drawVerdict(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState, _ i: Int, _ p: Prediction, _ reasons: TriageReasons) {
        let e = reasons.explanation
        guard r.height > 0 else { return }
        let t = s.theme
        var y = r.y
        b.put(String(repeating: "─", count: r.width), x: r.x, y: y, style: t.style(.border))
        y += 1
        guard y < r.maxY else { return }
        var col = r.x
        col += b.put("model  ", x: col, y: y, style: t.style(.muted), maxWidth: r.maxX - col)
        if let top = p.top {
            col += b.put(" \(top) ", x: col, y: y, style: t.style(.chip(s.journal.labels.index(of: top) ?? 0)), maxWidth: r.maxX - col)
            let conf = p.confidence
            let role: Role = conf < 0.5 ? .confidenceLow : (conf < 0.8 ? .confidenceMid : .confidenceHigh)
            let (against, againstRole): (String, Role) = switch reasons.against {
            case .runnerUp:
                (p.runnerUp.flatMap { ru in p.runnerUpIndex.map { "  runner-up \(ru) \(Text.percent(p.probabilities[$0]))" } } ?? "", .muted)
            case .chosen(let l), .yours(let l):
                ("  why not \(reasons.against == .yours(l) ? "yours, " : "")\(l)"
                    + (p.labels.firstIndex(of: l).map { " \(Text.percent(p.probabilities[$0]))" } ?? "") + "?", .warning)
            }
            // The bar gives way first on a narrow pane: what the label is weighed against matters more.
            let bar = col + 16 + DisplayWidth.of(against) <= r.maxX ? " \(Sparkline.bar(conf, width: 10))" : ""
            col += b.put(" \(Text.percent(conf))\(bar)", x: col, y: y, style: t.style(role), maxWidth: r.maxX - col)
            b.put(against, x: col, y: y, style: t.style(againstRole), maxWidth: r.maxX - col)
        } else {
            b.put("no labels learned yet — teach it with \(StatusPane.digitRange(s)) or \(s.keyMap.hint(.pickLabel)) (pick by name)", x: col, y: y, style: t.style(.muted), maxWidth: r.maxX - col)
        }
        y += 1
        guard y < r.maxY else { return }
        col = r.x
        col += b.put("why    ", x: col, y: y, style: t.style(.muted))
        if let e {
            let merged = e.byToken()
            for c in merged.supporting(4) where col < r.maxX - 4 {
                col += b.put("+\(c.token)", x: col, y: y, style: t.style(.supporting), maxWidth: r.maxX - col)
                col += 1
            }
            for c in merged.opposing(3) where col < r.maxX - 4 {
                col += b.put("−\(c.token)", x: col, y: y, style: t.style(.opposing), maxWidth: r.maxX - col)
                col += 1
            }
        } else {
            b.put("—", x: col, y: y, style: t.style(.muted))
        }
        y += 1
        guard y < r.maxY else { return }
        col = r.x
        col += b.put("yours  ", x: col, y: y, style: t.style(.muted))
        let id = s.store.id(i)
        if let d = s.journal.decisions[id] {
            col += b.put(" \(d.label) ", x: col, y: y, style: t.style(.chip(s.journal.labels.index(of: d.label) ?? 0)))
            col += b.put(" by \(d.actor)", x: col, y: y, style: t.style(.muted))
            if let sug = s.flagged[i] {
                b.put("  ! model now says \(sug) — R to review", x: col, y: y, style: t.style(.warning), maxWidth: r.maxX - col)
            }
        } else if s.journal.skipped.contains(id) {
            b.put("skipped", x: col, y: y, style: t.style(.muted))
        } else {
            b.put("undecided", x: col, y: y, style: t.style(.muted))
        }
        if let note = s.journal.notes.last(where: { $0.messageID == id })?.text {
            b.put("  ✎ \(note)", x: col + 12, y: y, style: t.style(.muted), maxWidth: r.maxX - col - 12)
        }
    }
}
