/// Whether the terminal backend uses colour.
public enum ColorMode: Sendable, Hashable {
    /// 256 colours where the terminal has them, else the 8 basic colours
    /// (indexed colours mapped to the nearest), else none.
    case auto
    /// No colour escape codes at all; attributes (bold, reverse, …) only.
    case none

    /// `.none` when `noColorFlag` is set (`--no-color`) or `NO_COLOR` is
    /// set to a non-empty value (see no-color.org), else `.auto`.
    public static func resolve(noColorFlag: Bool, environment: [String: String]) -> ColorMode {
        if noColorFlag { return .none }
        if let v = environment["NO_COLOR"], !v.isEmpty { return .none }
        return .auto
    }
}
