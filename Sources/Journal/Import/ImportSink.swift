import Core

/// Where imported messages and problems go: the store, counts, problems and duplicate tracking.
struct ImportSink {
    var store = MessageStore()
    var problems: [ImportProblem] = []
    var counts = ImportCounts()
    let options: ImportOptions
    /// Per stored message: the file index and line it came from (to name the first of duplicates).
    var origin: [(file: Int32, line: Int32)] = []
    var fileNames: [String] = []
    var problemsInFile = 0
    var omittedInFile = 0

    init(options: ImportOptions, store: MessageStore = MessageStore()) {
        self.options = options
        self.store = store
        origin = Array(repeating: (-1, 0), count: store.count)
    }

    /// Records a problem; in strict mode throws instead.
    mutating func report(_ file: String, _ line: Int, _ message: String, _ hint: String, skipped: Bool = true) throws {
        if options.strict {
            throw JournalError.importFailed(file: file, line: line, reason: message + (hint.isEmpty ? "" : " — \(hint)"))
        }
        if problemsInFile < options.maxProblemsPerFile {
            problems.append(ImportProblem(file: file, line: line, message: message, hint: hint, skipped: skipped))
            problemsInFile += 1
        } else {
            omittedInFile += 1
        }
    }

    /// Closes a file's problem list, adding a summary of the problems not listed.
    mutating func endFile(_ file: String) {
        if omittedInFile > 0 {
            problems.append(ImportProblem(file: file, line: 0, message: "\(omittedInFile) more problems not listed",
                                          hint: "fix the ones above and run `dyad validate` again", skipped: false))
        }
        problemsInFile = 0
        omittedInFile = 0
    }

    /// Adds a message after the empty, duplicate and size checks.
    mutating func add(_ m: Message, file: String, fileIndex: Int, line: Int, replacedUTF8: Bool) throws {
        if m.text.allSatisfy(\.isWhitespace) {
            counts.skippedEmpty += 1
            return
        }
        if let first = store.index(ofID: m.id) {
            try duplicate(m.id, first: first, file: file, line: line)
            return
        }
        if replacedUTF8 { counts.invalidUTF8Replaced += 1 }
        if m.text.utf8.count > options.displayLimit { counts.truncatedForDisplay += 1 }
        store.append(m)
        origin.append((Int32(fileIndex), Int32(clamping: line)))
        counts.loaded += 1
    }

    /// Adds a row read by `JSONLFastRow` from `bytes` (its text is valid UTF-8 and not blank),
    /// with the same duplicate and size checks as `add(_:…)`.
    mutating func add(_ row: JSONLFastRow, in bytes: UnsafeBufferPointer<UInt8>, file: String, fileIndex: Int, line: Int) throws {
        let size = row.withText(in: bytes) { text in store.appendNew(id: row.id, text: text, gold: row.gold).map { _ in text.count } }
        guard let size else {
            try duplicate(row.id, first: store.index(ofID: row.id) ?? 0, file: file, line: line)
            return
        }
        if size > options.displayLimit { counts.truncatedForDisplay += 1 }
        origin.append((Int32(fileIndex), Int32(clamping: line)))
        counts.loaded += 1
    }

    /// Counts and reports a row whose id is taken by message `first`.
    mutating func duplicate(_ id: String, first: Int, file: String, line: Int) throws {
        counts.duplicateIDs += 1
        var where_ = "an earlier message"
        if first < origin.count, origin[first].file >= 0 {
            let o = origin[first]
            where_ = "\(fileNames[Int(o.file)]):\(o.line)"
        }
        try report(file, line, "duplicate id '\(id.prefix(80))' (first at \(where_)); row skipped",
                   "give each message a unique id (ids derived from text repeat when texts repeat)")
    }

    /// Counts and reports a malformed row.
    mutating func malformed(_ file: String, _ line: Int, _ message: String, _ hint: String) throws {
        counts.malformed += 1
        try report(file, line, message, hint)
    }
}
