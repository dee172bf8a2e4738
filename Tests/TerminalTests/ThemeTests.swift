import Testing
@testable import Terminal

@Suite("Theme")
struct ThemeTests {
    let base: [Role: Style] = [
        .text: Style(fg: .white),
        .selected: Style(fg: .black, bg: .cyan, attributes: .bold),
        .warning: Style(fg: .yellow, attributes: [.bold, .underline]),
    ]

    @Test("A role the theme names uses the theme's style")
    func named() {
        let t = Theme(name: "light", styles: [.text: Style(fg: .black)], fallback: base)
        #expect(t.style(.text) == Style(fg: .black))
    }

    @Test("A missing role falls back to the fallback theme, then to plain")
    func fallback() {
        let t = Theme(name: "light", styles: [.text: Style(fg: .black)], fallback: base)
        #expect(t.style(.selected) == Style(fg: .black, bg: .cyan, attributes: .bold))
        #expect(t.style(.chip3) == .plain)
    }

    @Test("Monochrome drops every colour and keeps attributes")
    func monochrome() {
        let t = Theme(name: "default", styles: [.text: Style(fg: .black)], fallback: base).monochrome()
        for role in Role.allCases {
            #expect(t.style(role).fg == .default)
            #expect(t.style(role).bg == .default)
        }
        #expect(t.style(.selected).attributes == .bold)
        #expect(t.style(.warning).attributes == [.bold, .underline])
    }

    @Test("Chip roles cycle through eight, negatives included")
    func chips() {
        #expect(Role.chip(0) == .chip0)
        #expect(Role.chip(9) == .chip1)
        #expect(Role.chip(-1) == .chip7)
        #expect(Role(rawValue: "border_active") == .borderActive)
    }
}
