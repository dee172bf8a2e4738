/// What recovery did when a workspace was opened after a crash.
public struct RecoveryReport: Sendable, Equatable, CustomStringConvertible {
    /// Line number of the torn line.
    public var line: Int
    /// Why the line was judged torn.
    public var reason: String
    /// Path of the file the torn bytes were moved to.
    public var movedTo: String
    /// Number of bytes moved.
    public var bytes: Int

    /// Creates a report.
    public init(line: Int, reason: String, movedTo: String, bytes: Int) {
        self.line = line
        self.reason = reason
        self.movedTo = movedTo
        self.bytes = bytes
    }

    /// A one-line message for the screen.
    public var description: String {
        "recovered from a crash: journal line \(line) was torn (\(reason)); its \(bytes) bytes were moved to \(movedTo)"
    }
}
