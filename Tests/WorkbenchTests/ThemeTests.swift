import Foundation
import Terminal
import Testing
@testable import Workbench

@Suite("Themes as data")
struct ThemeTests {
    @Test func bundledThemesParseAndNameEveryRoleOrFallBack() throws {
        let dir = TestPaths.themes
        for name in ["default", "light", "high-contrast"] {
            let t = try ThemeLoader.load(named: name, searchPaths: [dir])
            #expect(t.name == name)
            for role in Role.allCases { _ = t.style(role) }
        }
    }

    @Test func badColourNamesFileKeyAndAllowedValues() {
        let yaml = "name: broken\nroles:\n  selected: { fg: purpleish }\n"
        #expect(throws: WorkbenchError.self) { try ThemeLoader.parse(yaml, file: "broken.yaml") }
        do {
            _ = try ThemeLoader.parse(yaml, file: "broken.yaml")
        } catch {
            let text = "\(error)"
            #expect(text.contains("broken.yaml"))
            #expect(text.contains("roles.selected.fg"))
            #expect(text.contains("bright-white"))
        }
    }

    @Test func unknownRoleIsRejectedAndMissingRoleFallsBack() throws {
        #expect(throws: WorkbenchError.self) { try ThemeLoader.parse("roles:\n  sparkly: { fg: red }\n", file: "x.yaml") }
        let t = try ThemeLoader.parse("name: tiny\nroles:\n  text: { fg: red }\n", file: "tiny.yaml")
        #expect(t.style(.text).fg == .red)
        #expect(t.style(.header) == BuiltinThemes.dark.style(.header))
    }

    @Test func monochromeDropsColoursKeepsAttributes() {
        let m = BuiltinThemes.dark.monochrome()
        #expect(m.style(.header).fg == .default)
        #expect(m.style(.header).bg == .default)
        #expect(m.style(.header).attributes.contains(.bold))
    }
}

enum TestPaths {
    static var themes: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Themes")
    }
}
