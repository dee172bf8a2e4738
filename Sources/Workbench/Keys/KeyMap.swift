import Terminal

/// The key map: commands bound to keys, as data. Help is generated from it and
/// a config file can rebind any command.
public struct KeyMap: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The command bound to a key, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The keys bound to a command.
    public func keys(for command: Command) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    /// The first key of a command, as shown in hints (`?` when unbound).
    public func hint(_ command: Command) -> String {
        keys(for: command).first?.name ?? "?"
    }

    /// Replaces the keys of a command (an empty list disables it). Keys taken
    /// from other commands are removed from them, so a key has one meaning.
    public mutating func rebind(_ command: Command, to keys: [Key]) {
        for i in bindings.indices where bindings[i].command != command {
            bindings[i].keys.removeAll { keys.contains($0) }
        }
        if let i = bindings.firstIndex(where: { $0.command == command }) { bindings[i].keys = keys }
    }

    /// Groups in display order with their bindings, for the help screen.
    public var groups: [(name: String, bindings: [KeyBinding])] {
        var order: [String] = []
        var by: [String: [KeyBinding]] = [:]
        for b in bindings {
            if by[b.group] == nil { order.append(b.group) }
            by[b.group, default: []].append(b)
        }
        return order.map { ($0, by[$0] ?? []) }
    }

    /// Dyad's default key map.
    public static let standard = KeyMap(bindings: [
        KeyBinding(.label1, [.char("1")], "assign label 1", group: "Decide"),
        KeyBinding(.label2, [.char("2")], "assign label 2", group: "Decide"),
        KeyBinding(.label3, [.char("3")], "assign label 3", group: "Decide"),
        KeyBinding(.label4, [.char("4")], "assign label 4", group: "Decide"),
        KeyBinding(.label5, [.char("5")], "assign label 5", group: "Decide"),
        KeyBinding(.label6, [.char("6")], "assign label 6", group: "Decide"),
        KeyBinding(.label7, [.char("7")], "assign label 7", group: "Decide"),
        KeyBinding(.label8, [.char("8")], "assign label 8", group: "Decide"),
        KeyBinding(.label9, [.char("9")], "assign label 9", group: "Decide"),
        KeyBinding(.label10, [.char("0")], "assign label 10", group: "Decide"),
        KeyBinding(.pickLabel, [.char("p")], "pick any label by name (type to filter)", group: "Decide"),
        KeyBinding(.accept, [.enter], "accept the model's label", group: "Decide"),
        KeyBinding(.skip, [.char("s")], "skip this message", group: "Decide"),
        KeyBinding(.confirmPage, [.char("V")], "with a focus: confirm the page shown (asks)", group: "Decide"),
        KeyBinding(.undo, [.char("u")], "undo the last decision (repeatable)", group: "Decide"),
        KeyBinding(.note, [.char("a")], "annotate: attach a note to the message", group: "Decide"),
        KeyBinding(.moveDown, [.char("j"), .down], "next message", group: "Move"),
        KeyBinding(.moveUp, [.char("k"), .up], "previous message", group: "Move"),
        KeyBinding(.pageDown, [.pageDown, .ctrl("d")], "page down", group: "Move"),
        KeyBinding(.pageUp, [.pageUp, .ctrl("u")], "page up", group: "Move"),
        KeyBinding(.first, [.home, .char("g")], "first message", group: "Move"),
        KeyBinding(.last, [.end, .char("G")], "last message", group: "Move"),
        KeyBinding(.search, [.char("/")], "search texts and ids (incremental)", group: "Find"),
        KeyBinding(.searchNext, [.char("n")], "next match", group: "Find"),
        KeyBinding(.searchPrevious, [.char("N")], "previous match", group: "Find"),
        KeyBinding(.focus, [.char("f")], "focus on one model label (again: all)", group: "Find"),
        KeyBinding(.limit, [.char("l")], "limit to texts with a phrase (again: all)", group: "Find"),
        KeyBinding(.whyNot, [.char("w")], "why not…? reasons vs a label (again: off)", group: "Find"),
        KeyBinding(.cycleStrategy, [.char("o")], "cycle the queue order (strategy)", group: "Teach"),
        KeyBinding(.termMode, [.char("t")], "term mode: boost/suppress a shown word", group: "Teach"),
        KeyBinding(.addLabel, [.char("L")], "add a new label", group: "Teach"),
        KeyBinding(.closeCycle, [.char("C")], "close the cycle now and show its report", group: "Teach"),
        KeyBinding(.triage, [.char("T"), .function(2)], "triage view (at the member or item shown)", group: "Views"),
        KeyBinding(.clusters, [.char("c"), .function(3)], "clusters view", group: "Views"),
        KeyBinding(.lexicon, [.char("x"), .function(4)], "lexicon view", group: "Views"),
        KeyBinding(.review, [.char("R"), .function(5)], "review queue (suspected inconsistencies)", group: "Views"),
        KeyBinding(.cycles, [.char("Y"), .function(6)], "cycles view (curves; j/k a cycle's report)", group: "Views"),
        KeyBinding(.signals, [.char("e"), .function(7)], "signals: emerging terms, anomalies", group: "Views"),
        KeyBinding(.labelFromCluster, [.char("+")], "clusters: create a label from the cluster", group: "Clusters, lexicon, review"),
        KeyBinding(.acceptSuggestion, [.char("A")], "lexicon: accept the machine's suggestion", group: "Clusters, lexicon, review"),
        KeyBinding(.rejectSuggestion, [.char("D")], "lexicon: reject suggestion / remove term", group: "Clusters, lexicon, review"),
        KeyBinding(.cycleTheme, [.char("#")], "cycle colour theme", group: "Views"),
        KeyBinding(.help, [.char("?"), .function(1)], "help (this screen)", group: "Views"),
        KeyBinding(.quit, [.char("q")], "quit (every decision is already saved)", group: "Views"),
        KeyBinding(.termNext, [.right, .char("l"), .tab], "next word", group: "Term mode"),
        KeyBinding(.termPrevious, [.left, .char("h"), .backTab], "previous word", group: "Term mode"),
        KeyBinding(.termBoost, [.char("b")], "boost the word (then a label key or p)", group: "Term mode"),
        KeyBinding(.termSuppress, [.char("z")], "suppress the word (again: lift it)", group: "Term mode"),
        KeyBinding(.leave, [.escape], "leave a mode, prompt or overlay", group: "Term mode"),
    ])
}

extension KeyMap {
    /// The commands that work in term mode.
    public static let termCommands: Set<Command> = [.termNext, .termPrevious, .termBoost, .termSuppress, .leave, .help, .quit]

    /// The command bound to `key` among `allowed` commands.
    public func command(for key: Key, among allowed: Set<Command>) -> Command? {
        bindings.first { allowed.contains($0.command) && $0.keys.contains(key) }?.command
    }
}
