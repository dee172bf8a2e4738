import Foundation

/// Reads the Clusters, Lexicon, Review and Cycles views off a captured screen.
enum InsightScreen {
    /// A row of the cluster list: `#9   18 100% NEW velora secure …` or `#9   18   0% velora secure … · phishing 17, fraud 1`.
    struct ClusterRow: Equatable {
        var id: Int
        var size: Int
        var unlabeledPercent: Int
        /// Everything after the percentage: `NEW`, the top terms, the label mix after `·`.
        var rest: String
        /// Whether the row names `term` among its top terms.
        func has(_ term: String) -> Bool { rest.split(separator: " ").contains { $0 == term } }
    }

    /// A row of the Lexicon view; `label` is carried down from the group's first row.
    struct LexiconRow: Equatable {
        var label: String
        var term: String
        /// `analyst`, `machine (accepted)` or `machine suggests`.
        var author: String
        var isSuggestion: Bool { author == "machine suggests" }
    }

    /// A row of the Review view: `m0042  yours: fraud → model: phishing 93%  …`.
    struct ReviewRow: Equatable {
        var id: String
        var given: String
        var suggested: String
    }

    /// A row of the Cycles table.
    struct CycleRow: Equatable {
        var number: Int
        var decisions: Int
        var heldOutF1: String
        /// `human/machine` lexicon changes.
        var lexicon: String
    }

    /// The cluster rows in screen order.
    static func clusterRows(_ screen: String) -> [ClusterRow] {
        lines(screen).compactMap { line in
            guard let m = groups(#"^│#(\d+)\s+(\d+)\s+(\d+)% (.*?)\s*││"#, in: line), m.count == 4,
                  let id = Int(m[0]), let size = Int(m[1]), let share = Int(m[2]) else { return nil }
            return ClusterRow(id: id, size: size, unlabeledPercent: share, rest: m[3])
        }
    }

    /// The cluster shown in the detail pane (`Cluster #9: 18 messages`).
    static func shownCluster(_ screen: String) -> Int? {
        groups(#"Cluster #(\d+): \d+ messages"#, in: screen)?.first.flatMap { Int($0) }
    }

    /// The Lexicon view's rows in screen order (columns as `LexiconView` draws them: label at 2, term at 21, author at 53).
    static func lexiconRows(_ screen: String) -> [LexiconRow] {
        var out: [LexiconRow] = []
        var label = ""
        for line in lines(screen) where line.hasPrefix("│") {
            // `│ label   term   author  w …`: the columns are as wide as their widest entry, so the
            // row is split at runs of two or more spaces; a row without a label continues the last.
            let authors = ["machine (accepted)", "machine suggests", "analyst"]
            guard let author = authors.first(where: { line.contains("  \($0)") }),
                  let at = line.range(of: "  \(author)") else { continue }
            let parts = line[line.index(after: line.startIndex)..<at.lowerBound].components(separatedBy: "  ")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard let term = parts.last else { continue }
            if parts.count >= 2 { label = parts[0] }
            out.append(LexiconRow(label: label, term: term, author: author))
        }
        return out
    }

    /// The Review view's rows in screen order.
    static func reviewRows(_ screen: String) -> [ReviewRow] {
        lines(screen).compactMap { line in
            guard let m = groups(#"^│[▸ ] (\S+)\s+(\S+)\s+→ (\S+)\s+\d+%"#, in: line), m.count == 3 else { return nil }
            return ReviewRow(id: m[0], given: m[1], suggested: m[2])
        }
    }

    /// The Cycles table's rows.
    static func cycleRows(_ screen: String) -> [CycleRow] {
        lines(screen).compactMap { line in
            // `  #  decisions  at once  agree  held-out F1  gold  flipped  s/dec  lexicon h/m …` (`▸` marks the chosen cycle)
            let pattern = #"^│[▸\s]*(\d+)\s+(\d+)\s+(?:\d+|—)\s+\d+%\s+(\S+)\s+\S+\s+\d+\s+[\d.]+\s+(\d+/\d+)\s"#
            guard let m = groups(pattern, in: line), m.count == 4, let n = Int(m[0]), let d = Int(m[1]) else { return nil }
            return CycleRow(number: n, decisions: d, heldOutF1: m[2], lexicon: m[3])
        }
    }

    /// The label bar (`1 benign  2 data-leak …`), the second line from the bottom.
    static func labelBar(_ screen: String) -> String {
        let rows = lines(screen).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return rows.count >= 2 ? rows[rows.count - 2] : ""
    }

    /// The rows of a screen.
    static func lines(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The capture groups of the first match of `pattern` in `text`.
    static func groups(_ pattern: String, in text: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { k in Range(m.range(at: k), in: text).map { String(text[$0]) } ?? "" }
    }
}
