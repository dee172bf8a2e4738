import Core
import Foundation
import Terminal

/// The report shown when a learning cycle closes: how both sides moved.
enum CycleReportOverlay {
    /// The labels the model does worst on in the held-out file, weakest first
    /// (`reconnaissance 0.12 · impact 0.30 · collection 0.41`); nil without one.
    static func weakest(_ m: CycleMetrics, count: Int = 3) -> String? {
        guard !m.heldOutF1ByLabel.isEmpty else { return nil }
        return m.heldOutF1ByLabel.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }
            .prefix(count).map { "\($0.key) \(String(format: "%.2f", $0.value))" }.joined(separator: " · ")
    }

    /// The cycle closed before `m`, which its report is compared with.
    static func previous(_ s: AppState, _ m: CycleMetrics) -> CycleMetrics? {
        s.journal.cycles.last { $0.number == m.number - 1 }
    }

    /// Held-out F1 of every label at cycle `m` with its change since the cycle before, most
    /// improved first (`impact 0.62 (+0.20) · discovery 0.55 (=)`); nil without a held-out file.
    static func byLabel(_ s: AppState, _ m: CycleMetrics) -> String? {
        guard !m.heldOutF1ByLabel.isEmpty else { return nil }
        let before = previous(s, m)?.heldOutF1ByLabel ?? [:]
        let rows = m.heldOutF1ByLabel.map { kv in (label: kv.key, f1: kv.value, change: before[kv.key].map { kv.value - $0 }) }
        return rows.sorted { ($0.change ?? 0, $1.label) > ($1.change ?? 0, $0.label) }.map { r in
            let d = r.change.map { c in abs(c) < 0.005 ? " (=)" : String(format: " (%+.2f)", c) } ?? ""
            return "\(r.label) \(String(format: "%.2f", r.f1))\(d)"
        }.joined(separator: " · ")
    }

    /// The report's lines for cycle `m` (compared with the cycle before it): what the machine and
    /// the analyst did. The Cycles view shows the same for the cycle under its cursor.
    static func lines(_ s: AppState, _ m: CycleMetrics) -> [(String, Role)] {
        let prior = previous(s, m)
        func delta(_ now: Double?, _ before: Double?) -> String {
            guard let now, let before else { return "" }
            let d = Int(((now - before) * 100).rounded())
            return d == 0 ? "  (=)" : "  (\(d > 0 ? "+" : "")\(d) pts)"
        }
        var lines: [(String, Role)] = [
            ("Machine", .title),
            ("  agreed with you before each decision  \(Text.percent(m.agreement))\(delta(m.agreement, prior?.agreement))", .text),
        ]
        if let f = m.heldOutMacroF1 {
            lines.append(("  held-out macro-F1                     \(String(format: "%.3f", f))\(delta(m.heldOutMacroF1, prior?.heldOutMacroF1))", .text))
        }
        if let weak = weakest(m) {
            lines.append(("  weakest on the held-out file: \(weak) — label more of these", .warning))
        }
        if let g = m.goldAccuracy {
            lines.append(("  your labels match the gold labels     \(Text.percent(g))", .muted))
        }
        lines.append(("  queue predictions that flipped        \(m.flipped)", .text))
        if !m.movedTerms.isEmpty { lines.append(("  terms that moved most: " + m.movedTerms.prefix(6).joined(separator: ", "), .supporting)) }
        lines.append(("", .text))
        lines.append(("Analyst", .title))
        let atOnce = m.atOnce > 0 ? " (\(m.atOnce) of them at once, not in the agreement)" : ""
        lines.append(("  decisions \(m.decisions)\(atOnce) · median \(String(format: "%.1f", m.msPerDecision / 1000)) s each", .text))
        let labels = m.perLabel.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        lines.append(("  per label: " + labels.map { "\($0.key) \($0.value)" }.joined(separator: " · "), .text))
        let lex = "\(m.lexiconChanges["human"] ?? 0) by you, \(m.lexiconChanges["machine"] ?? 0) machine suggestions accepted"
        lines.append(("  lexicon changes: \(lex)", .text))
        if let c = m.consistency { lines.append(("  consistency on near-duplicates \(Text.percent(c))", .text)) }
        return lines
    }

    static func draw(_ b: inout ScreenBuffer, _ area: Rect, _ s: AppState, _ m: CycleMetrics) {
        let t = s.theme
        var lines = lines(s, m)
        lines.append(("", .text))
        lines.append(("Any key continues · \(s.keyMap.hint(.undo)) undoes the last decision · \(s.keyMap.hint(.cycles)) shows every cycle", .muted))
        let w = min(area.width - 4, 84)
        // Long lists go on in indented lines rather than being cut; on a short screen the blank
        // lines go first, so the last line (what a key does) stays.
        lines = Text.wrapLists(lines, width: w - 4)
        if lines.count + 2 > area.height - 2 { lines.removeAll { $0.0.isEmpty } }
        let h = min(area.height - 2, lines.count + 2)
        let r = Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
        let inner = Box.overlay(&b, r, within: area, title: "Cycle \(m.number) closed", theme: t)
        for (k, line) in lines.prefix(inner.height).enumerated() {
            b.put(line.0, x: inner.x + 1, y: inner.y + k, style: t.style(line.1), maxWidth: inner.width - 2)
        }
    }
}
