/// Why a report could not be written.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// The output folder or a file in it could not be written.
    case cannotWrite(path: String, reason: String)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case let .cannotWrite(path, reason):
            "cannot write the report to \(path): \(reason); check that the folder is writable or choose another with --out"
        }
    }
}
