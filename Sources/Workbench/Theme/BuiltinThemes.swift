import Terminal

/// The theme compiled into Dyad, used when no theme file is found and as the
/// fallback for roles a theme file leaves out. `Themes/default.yaml` mirrors it.
public enum BuiltinThemes {
    /// The dark default theme.
    public static let dark = Theme(name: "default", styles: [
        .text: Style(),
        .muted: Style(fg: .indexed(245)),
        .title: Style(fg: .indexed(117), attributes: [.bold]),
        .border: Style(fg: .indexed(240)),
        .borderActive: Style(fg: .indexed(117)),
        .header: Style(fg: .indexed(231), bg: .indexed(24), attributes: [.bold]),
        .status: Style(fg: .indexed(252), bg: .indexed(236)),
        .statusKey: Style(fg: .indexed(222), bg: .indexed(236), attributes: [.bold]),
        .selected: Style(fg: .indexed(231), bg: .indexed(238), attributes: [.bold]),
        .cursor: Style(fg: .indexed(16), bg: .indexed(222), attributes: [.bold]),
        .supporting: Style(fg: .indexed(16), bg: .indexed(114), attributes: [.bold]),
        .opposing: Style(fg: .indexed(16), bg: .indexed(174), attributes: [.underline]),
        .match: Style(fg: .indexed(16), bg: .indexed(220)),
        .confidenceLow: Style(fg: .indexed(203)),
        .confidenceMid: Style(fg: .indexed(221)),
        .confidenceHigh: Style(fg: .indexed(114)),
        .warning: Style(fg: .indexed(16), bg: .indexed(214), attributes: [.bold]),
        .error: Style(fg: .indexed(231), bg: .indexed(160), attributes: [.bold]),
        .saved: Style(fg: .indexed(114), bg: .indexed(236), attributes: [.bold]),
        .chip0: Style(fg: .indexed(16), bg: .indexed(111)),
        .chip1: Style(fg: .indexed(16), bg: .indexed(216)),
        .chip2: Style(fg: .indexed(16), bg: .indexed(150)),
        .chip3: Style(fg: .indexed(16), bg: .indexed(183)),
        .chip4: Style(fg: .indexed(16), bg: .indexed(223)),
        .chip5: Style(fg: .indexed(16), bg: .indexed(116)),
        .chip6: Style(fg: .indexed(16), bg: .indexed(181)),
        .chip7: Style(fg: .indexed(16), bg: .indexed(250)),
    ])
}
