/// Input formats the importer reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Decide from the file extension, then from the first bytes.
    case auto
    /// JSON Lines: one object per line.
    case jsonl
    /// CSV (or TSV…) with a header row.
    case csv
    /// Plain text, one message per line.
    case text
}

/// How messages are imported.
public struct ImportOptions: Sendable, Equatable {
    /// The input format (`auto` by default).
    public var format: ImportFormat
    /// CSV: name of the text column (default: `text`, `message`, `content`, `body`… or the only column).
    public var textColumn: String?
    /// CSV: name of the id column (default: `id` when present).
    public var idColumn: String?
    /// CSV: the delimiter (default: detected among `,` `;` tab `|` from the header).
    public var delimiter: UInt8?
    /// Stop at the first problem (throws `JournalError.importFailed`).
    public var strict: Bool
    /// Texts longer than this many UTF-8 bytes are counted as truncated for display.
    public var displayLimit: Int
    /// At most this many problems are listed per file (counts stay exact).
    public var maxProblemsPerFile: Int

    /// Creates options.
    public init(format: ImportFormat = .auto, textColumn: String? = nil, idColumn: String? = nil,
                delimiter: UInt8? = nil, strict: Bool = false, displayLimit: Int = 65536, maxProblemsPerFile: Int = 1000) {
        self.format = format
        self.textColumn = textColumn
        self.idColumn = idColumn
        self.delimiter = delimiter
        self.strict = strict
        self.displayLimit = displayLimit
        self.maxProblemsPerFile = maxProblemsPerFile
    }
}
