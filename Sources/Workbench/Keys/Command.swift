/// Everything a key can ask the workbench to do. Key bindings map keys to these.
public enum Command: String, Sendable, CaseIterable, Hashable {
    case moveDown = "move_down", moveUp = "move_up", pageDown = "page_down", pageUp = "page_up"
    case first = "first", last = "last"
    case label1 = "label_1", label2 = "label_2", label3 = "label_3", label4 = "label_4", label5 = "label_5"
    case label6 = "label_6", label7 = "label_7", label8 = "label_8", label9 = "label_9", label10 = "label_10"
    case pickLabel = "pick_label"
    case accept, skip, undo, confirmPage = "confirm_page"
    case search, searchNext = "search_next", searchPrevious = "search_previous", focus, limit, whyNot = "why_not"
    case cycleStrategy = "cycle_strategy", termMode = "term_mode", note, addLabel = "add_label"
    case clusters, lexicon, review, cycles, signals, triage, closeCycle = "close_cycle"
    case cycleTheme = "cycle_theme", help, quit
    case labelFromCluster = "label_from_cluster", acceptSuggestion = "accept_suggestion"
    case rejectSuggestion = "reject_suggestion"
    case termNext = "term_next", termPrevious = "term_previous", termBoost = "term_boost"
    case termSuppress = "term_suppress", leave

    /// The label slot (1…10; slot 10 is key `0`) this command assigns, if it is a label command.
    public var labelSlot: Int? {
        switch self {
        case .label1: 1
        case .label2: 2
        case .label3: 3
        case .label4: 4
        case .label5: 5
        case .label6: 6
        case .label7: 7
        case .label8: 8
        case .label9: 9
        case .label10: 10
        default: nil
        }
    }

    /// The label key of a slot: `1`…`9`, and `0` for slot 10.
    public static func labelKey(slot: Int) -> String { slot == 10 ? "0" : String(slot) }
}
