import Core

/// The label picker: a query typed by the analyst, the highlighted match, and
/// what the chosen label is for. It reaches every label, however many there are
/// (the digit keys reach only ten).
public struct LabelPick: Sendable, Equatable {
    /// What the chosen label does.
    public enum Purpose: Sendable, Equatable {
        /// Assign it as a digit key would in the current view (message, cluster, review item).
        case assign
        /// Boost `term` for it.
        case boost(term: String)
        /// Narrow triage to the pending messages the model gives it; `counts` are those
        /// messages per label when the picker opened.
        case focus(counts: [String: Int])
        /// Explain the model's label in triage against it (`w`, "why not …").
        case rival
    }

    /// What the analyst typed so far.
    public var query: String
    /// Index of the highlighted row in `matches`.
    public var choice: Int
    /// What the chosen label is for.
    public var purpose: Purpose

    /// A picker; by default empty, on the first match, for assigning.
    public init(query: String = "", choice: Int = 0, purpose: Purpose = .assign) {
        self.query = query
        self.choice = choice
        self.purpose = purpose
    }

    /// Active labels matching the query, best first: names that start with it,
    /// then names with a word (after `-`, `_`, `/`, space or `.`) that starts
    /// with it, then names that contain it; label order within each group.
    /// Case is ignored; an empty query matches every label.
    public func matches(in labels: LabelSet) -> [LabelInfo] {
        let q = query.lowercased()
        guard !q.isEmpty else { return labels.active }
        var tiers: [[LabelInfo]] = [[], [], []]
        for l in labels.active {
            let name = l.name.lowercased()
            if name.hasPrefix(q) {
                tiers[0].append(l)
            } else if name.split(whereSeparator: { "-_/ .".contains($0) }).contains(where: { $0.hasPrefix(q) }) {
                tiers[1].append(l)
            } else if name.contains(q) {
                tiers[2].append(l)
            }
        }
        return tiers.flatMap { $0 }
    }

    /// The highlighted label, if any label matches.
    public func chosen(in labels: LabelSet) -> LabelInfo? {
        let m = matches(in: labels)
        guard !m.isEmpty else { return nil }
        return m[max(0, min(choice, m.count - 1))]
    }
}
