import Core
import Foundation

extension InsightReport {
    /// The clusters as a readable table, with each cluster's most typical message.
    public func clustersText(store: MessageStore, width: Int = 100) -> String {
        var lines = ["\(clustering.k) clusters over \(messageCount) messages (\(featureCount) features)"]
        lines.append(Self.row(["id", "size", "unlab", "conf", "labels", "top terms"], widths: [3, 6, 6, 5, 22]))
        for c in clustering.clusters {
            let mix = c.labelMix.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(2).map { "\($0.key):\($0.value)" }.joined(separator: " ")
            lines.append(Self.row([String(c.id), String(c.size), Self.percent(c.unlabeledShare),
                                   c.meanConfidence.map { String(format: "%.2f", $0) } ?? "-",
                                   mix.isEmpty ? "-" : mix, c.topTerms.prefix(6).map(\.term).joined(separator: ", ")],
                                  widths: [3, 6, 6, 5, 22]))
            if let rep = c.representatives.first {
                lines.append("      e.g. " + Self.clip(store.text(rep), width - 11))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Every section as readable tables: clusters, anomalies, emerging terms, suggestions, review.
    public func text(store: MessageStore, width: Int = 100) -> String {
        var out = [clustersText(store: store, width: width), "", "Anomalies (\(anomalies.count))"]
        for a in anomalies.prefix(15) {
            out.append(Self.row([store.id(a.messageIndex), String(format: "%.2f", a.score), a.reason], widths: [10, 5]))
        }
        out += ["", "Emerging terms (\(emergingTerms.count))"]
        for e in emergingTerms.prefix(15) {
            let ids = e.messageIndices.prefix(4).map(store.id).joined(separator: " ") + (e.messageIndices.count > 4 ? " …" : "")
            out.append(Self.row([e.term, String(format: "%.2f", e.score), "\(e.recentCount) recent / \(e.baselineCount) before", ids],
                                widths: [24, 5, 22]))
        }
        out += ["", "Lexicon suggestions (\(suggestions.count))"]
        for s in suggestions {
            let delta = s.delta.map { String(format: "%+.2f", $0) } ?? "new"
            out.append(Self.row([s.label, s.term, String(format: "%.2f", s.weight), delta], widths: [18, 24, 6]))
        }
        out += ["", "Review: suspected inconsistencies (\(review.count))"]
        for r in review.prefix(20) {
            out.append(Self.row([store.id(r.messageIndex), "\(r.givenLabel) → \(r.suggestedLabel)",
                                 String(format: "%.2f", r.confidence)], widths: [10, 34]))
        }
        return out.joined(separator: "\n")
    }

    /// Cells padded to `widths` (the last cell takes the rest), two spaces apart.
    static func row(_ cells: [String], widths: [Int]) -> String {
        var s = ""
        for (i, cell) in cells.enumerated() {
            if i < widths.count {
                s += clip(cell, widths[i]).padding(toLength: widths[i], withPad: " ", startingAt: 0) + "  "
            } else {
                s += cell
            }
        }
        return s
    }

    /// `text` on one line, cut to `n` characters with an ellipsis.
    static func clip(_ text: String, _ n: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= n ? flat : String(flat.prefix(max(0, n - 1))) + "…"
    }

    /// `0.25` as ` 25%`.
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
