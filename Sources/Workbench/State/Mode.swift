/// Which full-screen view is shown.
public enum View: String, Sendable, CaseIterable {
    case triage, clusters, lexicon, review, cycles, signals
}

/// Steps of adding a label without leaving the view.
public enum AddLabelStep: Sendable, Equatable {
    case name(String)
    /// Choosing the key of label `name`; with `cluster`, the cluster's unlabeled members get the label too.
    case key(name: String, key: String, cluster: Int? = nil)
}

/// What the keyboard is doing right now.
public enum Mode: Sendable, Equatable {
    /// Keys are commands from the key map.
    case normal
    /// Typing a search query (incremental).
    case search(String)
    /// Moving between the message's highlighted words; `index` into the word list.
    case term(index: Int)
    /// Choosing the label to boost `term` for.
    case boostLabel(term: String)
    /// Typing the phrase to limit triage to (`l`).
    case limit(String)
    /// Typing a note for the current message.
    case note(String)
    /// Adding a label.
    case addLabel(AddLabelStep)
    /// Naming a new label created from a cluster (then its key, as `addLabel(.key(…, cluster:))`).
    case nameClusterLabel(cluster: Int, text: String)
    /// Picking a label by name from a filtered list (any number of labels).
    case pickLabel(LabelPick)
    /// The help overlay, scrolled down by `scroll` rows.
    case help(scroll: Int)
    /// The report of a cycle that just closed (any key closes it).
    case cycleReport(Int)
    /// Asking before a bulk label (the focused page, a cluster, a term's messages): `y` or Enter does it.
    case confirmBulk(BulkAsk)
}
