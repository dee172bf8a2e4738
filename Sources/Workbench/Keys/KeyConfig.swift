import Foundation
import Terminal
import Yams

/// Reads key rebindings from the user's config file (`$XDG_CONFIG_HOME/dyad/config.yaml`):
///
/// ```yaml
/// keys:
///   skip: [x]          # command name: list of key names
///   undo: [u, C-z]
///   note: []           # disables the command
/// ```
public enum KeyConfig {
    /// The config file's path for an environment.
    public static func path(environment: [String: String]) -> URL {
        let base = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? "/").appendingPathComponent(".config")
        return base.appendingPathComponent("dyad/config.yaml")
    }

    /// The standard key map with the file's rebindings applied (unchanged when there is no file).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> KeyMap {
        let url = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .standard }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbenchError.badConfig(file: url.path, key: "-", problem: "not UTF-8 text")
        }
        return try apply(text, file: url.path, to: .standard)
    }

    /// Applies the `keys:` section of YAML `text` to `map`.
    public static func apply(_ text: String, file: String, to map: KeyMap) throws -> KeyMap {
        let root: Any?
        do { root = try Yams.load(yaml: text) } catch {
            throw WorkbenchError.badConfig(file: file, key: "-", problem: "not valid YAML (\(error))")
        }
        guard let dict = root as? [String: Any] else { return map }
        guard let keys = dict["keys"] else { return map }
        guard let table = keys as? [String: Any] else {
            throw WorkbenchError.badConfig(file: file, key: "keys", problem: "expected a mapping of command names to key lists")
        }
        var out = map
        for (name, value) in table.sorted(by: { $0.key < $1.key }) {
            guard let cmd = Command(rawValue: name) else {
                throw WorkbenchError.badConfig(file: file, key: "keys.\(name)",
                                               problem: "unknown command; allowed: \(Command.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let list = (value as? [Any]) ?? [value]
            var parsed: [Key] = []
            for v in list {
                guard let k = Key(name: "\(v)") else {
                    throw WorkbenchError.badConfig(file: file, key: "keys.\(name)",
                                                   problem: "unknown key `\(v)`; use a character, C-x, F1-F12, Enter, Esc, Tab, S-Tab, Up, Down, Left, Right, Home, End, PgUp, PgDn, Space, Backspace, Del")
                }
                parsed.append(k)
            }
            out.rebind(cmd, to: parsed)
        }
        return out
    }
}
