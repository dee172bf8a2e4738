/// Errors of the workbench layer, each saying what was wrong and what to do.
public enum WorkbenchError: Error, CustomStringConvertible, Equatable {
    case badTheme(file: String, key: String, problem: String)
    case unknownTheme(name: String, available: [String])
    case badConfig(file: String, key: String, problem: String)
    /// The benchmark could not prepare or run a step (what failed and what to do).
    case benchFailed(String)
    /// A model snapshot could not be written (what failed; the journal is unchanged).
    case snapshotFailed(String)

    public var description: String {
        switch self {
        case let .badTheme(file, key, problem):
            "theme \(file): \(key): \(problem). Fix the file or choose another theme with --theme."
        case let .unknownTheme(name, available):
            "no theme named `\(name)`; available: \(available.isEmpty ? "default" : available.joined(separator: ", "))."
        case let .badConfig(file, key, problem):
            "config \(file): \(key): \(problem). Fix or remove that entry."
        case let .benchFailed(problem):
            "bench: \(problem)."
        case let .snapshotFailed(problem):
            "model snapshot: \(problem)."
        }
    }
}
