import Terminal

/// One entry of the key map: the keys that trigger a command, with help text.
public struct KeyBinding: Sendable, Equatable {
    public var command: Command
    public var keys: [Key]
    public var description: String
    public var group: String
    public init(_ command: Command, _ keys: [Key], _ description: String, group: String) {
        self.command = command
        self.keys = keys
        self.description = description
        self.group = group
    }
}

extension Key {
    /// The key as written in config files and help (`j`, `Enter`, `C-c`, `PgDn`, `F1`).
    public var name: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "C-\(c)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .delete: "Del"
        case .insert: "Ins"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }

    /// Parses a key name as written by `name`; nil when unknown.
    public init?(name: String) {
        let named: [String: Key] = [
            "Space": .char(" "), "Enter": .enter, "Esc": .escape, "Backspace": .backspace, "Tab": .tab,
            "S-Tab": .backTab, "Del": .delete, "Ins": .insert, "Up": .up, "Down": .down, "Left": .left,
            "Right": .right, "Home": .home, "End": .end, "PgUp": .pageUp, "PgDn": .pageDown,
        ]
        if let k = named[name] { self = k; return }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last { self = .ctrl(Character(c.lowercased())); return }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        if name.count == 1, let c = name.first { self = .char(c); return }
        return nil
    }
}
