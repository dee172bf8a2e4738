import Core

/// One problem found while importing: where, what, and what to do.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file as given.
    public var file: String
    /// 1-based line (0 when it concerns the whole file).
    public var line: Int
    /// What was wrong.
    public var message: String
    /// What to do about it.
    public var hint: String
    /// True when the row was not loaded.
    public var skipped: Bool

    /// Creates a problem.
    public init(file: String, line: Int, message: String, hint: String, skipped: Bool = true) {
        self.file = file
        self.line = line
        self.message = message
        self.hint = hint
        self.skipped = skipped
    }

    /// `file:line: message (hint)`.
    public var description: String {
        (line > 0 ? "\(file):\(line): " : "\(file): ") + message + (hint.isEmpty ? "" : " — \(hint)")
    }
}

/// Counts of an import.
public struct ImportCounts: Sendable, Equatable {
    /// Messages loaded into the store.
    public var loaded = 0
    /// Rows skipped because their text was empty or blank.
    public var skippedEmpty = 0
    /// Rows skipped because they could not be read (bad JSON, wrong types, bad CSV).
    public var malformed = 0
    /// Messages whose invalid UTF-8 was replaced with U+FFFD.
    public var invalidUTF8Replaced = 0
    /// Messages longer than the display limit (kept whole, shown truncated).
    public var truncatedForDisplay = 0
    /// Rows skipped because their id was already loaded.
    public var duplicateIDs = 0
    /// Lines read.
    public var lines = 0

    /// Creates zero counts.
    public init() {}
}

/// What one file contributed.
public struct ImportedFile: Sendable, Equatable {
    /// The path as given.
    public var path: String
    /// The format used.
    public var format: ImportFormat
    /// Messages loaded from it.
    public var loaded: Int
    /// Bytes read (where `--follow` continues).
    public var bytesRead: Int
    /// Lines read.
    public var lines: Int
}

/// The outcome of `MessageImporter.load`.
public struct ImportResult: Sendable {
    /// The messages loaded, in file order.
    public var store: MessageStore
    /// Problems, in order (at most `maxProblemsPerFile` per file are listed).
    public var problems: [ImportProblem]
    /// Exact counts.
    public var counts: ImportCounts
    /// FNV-1a 64 hex digest of all files' bytes in order (for `session_opened`).
    public var filesHash: String
    /// Per-file summaries.
    public var files: [ImportedFile]
}
