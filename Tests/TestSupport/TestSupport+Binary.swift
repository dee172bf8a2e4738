import Foundation

/// Why a test helper could not find what it needs.
public enum TestSupportError: Error, CustomStringConvertible {
    /// The `dyad` executable was not found at any of these paths.
    case missingBinary(searched: [String])

    /// A readable explanation.
    public var description: String {
        switch self {
        case .missingBinary(let searched):
            "the dyad binary was not found (looked at \(searched.joined(separator: ", "))): run `swift build` first, or set DYAD_BIN"
        }
    }
}

extension TestSupport {
    /// The `dyad` executable: `$DYAD_BIN`, else the one built beside the
    /// running test bundle (same build folder), else
    /// `<package root>/.build/debug/dyad`; throws when none exists.
    public static func dyadBinary() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["DYAD_BIN"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let running = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = running.deletingLastPathComponent()
        for _ in 0..<4 where dir.path != "/" {  // the .xctest bundle may be a folder (macOS) or a file (Linux)
            candidates.append(dir.appendingPathComponent("dyad"))
            dir.deleteLastPathComponent()
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/dyad"))
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c.path, isDirectory: &isDir), !isDir.boolValue { return c }
        }
        throw TestSupportError.missingBinary(searched: candidates.map(\.path))
    }
}
