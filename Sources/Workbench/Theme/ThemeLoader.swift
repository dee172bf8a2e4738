import Foundation
import Terminal
import Yams

/// Loads themes from YAML files (`Themes/NAME.yaml`) with semantic roles.
///
/// A theme file is
/// ```yaml
/// name: light
/// roles:
///   selected: { fg: black, bg: 153, attrs: [bold] }
/// ```
/// Colours are names (`default`, `black`, `red`, …, `bright-white`) or 0…255.
/// Roles a theme leaves out fall back to the built-in default theme.
public enum ThemeLoader {
    /// The names of the colours a theme may use besides numbers 0…255.
    public static let colorNames = ["default", "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                    "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                                    "bright-magenta", "bright-cyan", "bright-white"]
    /// The attribute names a theme may use.
    public static let attributeNames = ["bold", "dim", "underline", "reverse", "italic"]

    /// Parses a theme from YAML text; `file` names the source in errors.
    public static func parse(_ text: String, file: String) throws -> Theme {
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw WorkbenchError.badTheme(file: file, key: "-", problem: "not valid YAML (\(error))")
        }
        guard let dict = root as? [String: Any] else {
            throw WorkbenchError.badTheme(file: file, key: "-", problem: "expected a mapping with `name` and `roles`")
        }
        let name = dict["name"] as? String ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        guard let roles = dict["roles"] as? [String: Any] else {
            throw WorkbenchError.badTheme(file: file, key: "roles", problem: "missing; expected a mapping of role names to styles")
        }
        var styles: [Role: Style] = [:]
        for (key, value) in roles.sorted(by: { $0.key < $1.key }) {
            guard let role = Role(rawValue: key) else {
                throw WorkbenchError.badTheme(file: file, key: "roles.\(key)",
                                              problem: "unknown role; allowed: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let spec = value as? [String: Any] else {
                throw WorkbenchError.badTheme(file: file, key: "roles.\(key)", problem: "expected a mapping like { fg: white, bg: 24, attrs: [bold] }")
            }
            styles[role] = try style(spec, file: file, key: "roles.\(key)")
        }
        return Theme(name: name, styles: styles, fallback: BuiltinThemes.dark.styles)
    }

    static func style(_ spec: [String: Any], file: String, key: String) throws -> Style {
        var s = Style()
        for (k, v) in spec {
            switch k {
            case "fg": s.fg = try color(v, file: file, key: "\(key).fg")
            case "bg": s.bg = try color(v, file: file, key: "\(key).bg")
            case "attrs":
                let list = (v as? [Any]) ?? [v]
                for a in list {
                    switch "\(a)" {
                    case "bold": s.attributes.insert(.bold)
                    case "dim": s.attributes.insert(.dim)
                    case "underline": s.attributes.insert(.underline)
                    case "reverse": s.attributes.insert(.reverse)
                    case "italic": s.attributes.insert(.italic)
                    default:
                        throw WorkbenchError.badTheme(file: file, key: "\(key).attrs",
                                                      problem: "unknown attribute `\(a)`; allowed: \(attributeNames.joined(separator: ", "))")
                    }
                }
            default:
                throw WorkbenchError.badTheme(file: file, key: "\(key).\(k)", problem: "unknown field; allowed: fg, bg, attrs")
            }
        }
        return s
    }

    static func color(_ v: Any, file: String, key: String) throws -> Color {
        if let n = v as? Int {
            guard (0...255).contains(n) else {
                throw WorkbenchError.badTheme(file: file, key: key, problem: "colour \(n) out of range; allowed: 0…255 or \(colorNames.joined(separator: ", "))")
            }
            return .indexed(UInt8(n))
        }
        let name = "\(v)"
        if name == "default" { return .default }
        if let i = colorNames.firstIndex(of: name) { return .indexed(UInt8(i - 1)) }
        throw WorkbenchError.badTheme(file: file, key: key, problem: "unknown colour `\(name)`; allowed: 0…255 or \(colorNames.joined(separator: ", "))")
    }

    /// Loads theme `name` from the first folder that has `NAME.yaml`; the
    /// built-in dark theme when `name` is `default` and no file is found.
    public static func load(named name: String, searchPaths: [URL]) throws -> Theme {
        for dir in searchPaths {
            let url = dir.appendingPathComponent("\(name).yaml")
            if let data = FileManager.default.contents(atPath: url.path) {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw WorkbenchError.badTheme(file: url.path, key: "-", problem: "not UTF-8 text")
                }
                return try parse(text, file: url.path)
            }
        }
        if name == "default" { return BuiltinThemes.dark }
        let available = availableThemes(searchPaths: searchPaths)
        throw WorkbenchError.unknownTheme(name: name, available: available)
    }

    /// Theme names found in the search paths, sorted, without duplicates.
    public static func availableThemes(searchPaths: [URL]) -> [String] {
        var names = Set<String>()
        for dir in searchPaths {
            let items = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for f in items where f.hasSuffix(".yaml") { names.insert(String(f.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Where themes are looked for: `$DYAD_THEMES`, the user's config folder,
    /// `Themes/` beside the package the binary was built in, and the current folder.
    public static func defaultSearchPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var out: [URL] = []
        if let d = environment["DYAD_THEMES"] { out.append(URL(fileURLWithPath: d)) }
        let config = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? "/").appendingPathComponent(".config")
        out.append(config.appendingPathComponent("dyad/themes"))
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            out.append(dir.appendingPathComponent("Themes"))
            dir.deleteLastPathComponent()
        }
        out.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Themes"))
        return out
    }
}
