/// A label of the schema, with the key that assigns it.
public struct LabelInfo: Sendable, Equatable, Codable {
    public var name: String
    /// Key that assigns it in triage (`1`…`9` by default).
    public var key: String?
    public var description: String?
    /// Retired labels are kept for history but not offered.
    public var retired: Bool
    public init(name: String, key: String? = nil, description: String? = nil, retired: Bool = false) {
        self.name = name
        self.key = key
        self.description = description
        self.retired = retired
    }
}

/// The ordered label schema of a workspace.
public struct LabelSet: Sendable, Equatable {
    /// All labels ever defined, in order of definition.
    public private(set) var all: [LabelInfo] = []

    /// Creates a label set from names; keys 1…9 are given in order.
    public init(names: [String] = []) {
        for n in names { define(n) }
    }

    /// Labels still in use.
    public var active: [LabelInfo] { all.filter { !$0.retired } }

    /// Index of a label by name.
    public func index(of name: String) -> Int? { all.firstIndex { $0.name == name } }

    /// True when a label of that name exists (retired or not).
    public func contains(_ name: String) -> Bool { index(of: name) != nil }

    /// Defines a label (or revives a retired one). Without a key, the first free digit is used.
    @discardableResult
    public mutating func define(_ name: String, key: String? = nil, description: String? = nil) -> Int {
        if let i = index(of: name) {
            all[i].retired = false
            if let key { all[i].key = key }
            if let description { all[i].description = description }
            return i
        }
        let k = key ?? nextFreeKey()
        all.append(LabelInfo(name: name, key: k, description: description))
        return all.count - 1
    }

    /// Renames a label; returns false if `from` is unknown or `to` exists.
    @discardableResult
    public mutating func rename(_ from: String, to: String) -> Bool {
        guard let i = index(of: from), index(of: to) == nil else { return false }
        all[i].name = to
        return true
    }

    /// Retires a label; its key becomes free.
    public mutating func retire(_ name: String) {
        guard let i = index(of: name) else { return }
        all[i].retired = true
        all[i].key = nil
    }

    /// The active label assigned to a key.
    public func label(forKey key: String) -> String? {
        active.first { $0.key == key }?.name
    }

    /// The first digit 1…9 (then 0) not bound to an active label.
    public func nextFreeKey() -> String? {
        let used = Set(active.compactMap(\.key))
        return ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"].first { !used.contains($0) }
    }
}
