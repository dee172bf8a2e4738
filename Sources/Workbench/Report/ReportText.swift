import Foundation

/// The words and tables of a report, shared by the HTML and Markdown forms.
enum ReportText {
    static func pct(_ x: Double?) -> String { x.map(Text.percent) ?? "—" }

    static func summary(_ d: ReportData) -> String {
        let decisions = d.journal.decisions.count
        let closed = d.cycles.filter(\.closed).count
        var s = "\(decisions) messages labeled in \(Text.count(d.cycles.count, "cycle")) (\(closed) closed)"
        if !d.actors.isEmpty { s += " by \(d.actors.joined(separator: ", "))" }
        if let span = d.span { s += ", \(span.first) to \(span.last)" }
        let origins = d.origins.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !origins.isEmpty { s += "; decisions by origin: \(origins.joined(separator: ", "))" }
        s += "; lexicon \(d.journal.lexicon.count) terms, \(d.journal.suppressedTerms.count) suppressed."
        return s
    }

    static func cycleRows(_ d: ReportData) -> [[String]] {
        var rows = [["cycle", "decisions", "agreement", "gold accuracy", "held-out macro-F1", "median time", "lexicon changes", "consistency", "labels"]]
        for c in d.cycles {
            rows.append(["\(c.number)\(c.closed ? "" : " (open)")", "\(c.decisions)", pct(c.agreement), pct(c.goldAccuracy),
                         c.heldOutMacroF1.map { String(format: "%.3f", $0) } ?? "—",
                         c.medianMs.map(ReportCharts.duration) ?? "—",
                         c.lexiconChanges.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                         pct(c.consistency),
                         c.perLabel.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                            .joined(separator: ", ")])
        }
        return rows
    }

    static func bulkRows(_ d: ReportData) -> [[String]] {
        var rows = [["from", "label given", "messages", "analyst", "example"]]
        for c in d.bulkDecisions {
            let from = switch c.origin {
            case .cluster: c.cluster.map { "cluster \($0)" } ?? "a cluster"
            case .signals: "an emerging term"
            case .focus: "a page under a focus"
            default: c.origin.rawValue
            }
            rows.append([from, c.label, "\(c.messages)", c.actor, c.sample.map { String($0.prefix(120)) } ?? ""])
        }
        return rows
    }

    static func lexiconRows(_ d: ReportData) -> [[String]] {
        var rows = [["label", "term", "author", "boosted"]]
        for e in d.journal.lexicon.sorted(by: { ($0.label, $0.term) < ($1.label, $1.term) }) {
            rows.append([e.label, e.term, e.author == .machine ? "machine (accepted)" : "analyst", e.boosts > 0 ? "×\(e.boosts)" : ""])
        }
        for t in d.journal.suppressedTerms.sorted() { rows.append(["(suppressed)", t, "analyst", ""]) }
        return rows
    }

    /// The Markdown summary.
    static func markdown(_ d: ReportData, title: String) -> String {
        var out = "# \(title)\n\n\(summary(d))\n\n"
        if let src = d.heldOutSource { out += "Held-out macro-F1 is measured on `\(src)`.\n\n" }
        out += "## Cycles\n\n" + mdTable(cycleRows(d))
        out += "\n## Labeled at once\n\n" + (d.bulkDecisions.isEmpty ? "No group of messages was labeled at once.\n" : mdTable(bulkRows(d)))
        out += "\n## Lexicon\n\n" + (d.journal.lexicon.isEmpty && d.journal.suppressedTerms.isEmpty ? "The lexicon is empty.\n" : mdTable(lexiconRows(d)))
        out += "\nCharts: see `report.html` beside this file.\n"
        return out
    }

    static func mdTable(_ rows: [[String]]) -> String {
        guard let head = rows.first else { return "" }
        func line(_ r: [String]) -> String {
            "| " + r.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |\n"
        }
        return line(head) + "|" + String(repeating: "---|", count: head.count) + "\n" + rows.dropFirst().map(line).joined()
    }
}
