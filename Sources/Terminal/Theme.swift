/// A named mapping from semantic roles to styles.
public struct Theme: Sendable, Equatable {
    /// The theme's name (`default`, `light`, …).
    public var name: String
    /// The styles the theme names.
    public var styles: [Role: Style]
    /// Used for roles the theme does not name.
    public var fallback: [Role: Style]

    /// A theme; roles missing from `styles` come from `fallback`.
    public init(name: String, styles: [Role: Style], fallback: [Role: Style] = [:]) {
        self.name = name
        self.styles = styles
        self.fallback = fallback
    }

    /// The style for a role: the theme's, else the fallback's, else plain.
    public func style(_ role: Role) -> Style {
        styles[role] ?? fallback[role] ?? .plain
    }

    /// The same theme with every colour removed (attributes kept), for `NO_COLOR`.
    public func monochrome() -> Theme {
        var t = self
        t.name = name + " (no colour)"
        for r in Role.allCases {
            let s = style(r)
            t.styles[r] = Style(fg: .default, bg: .default, attributes: s.attributes)
        }
        t.fallback = [:]
        return t
    }
}
