import Journal

/// The line the workbench opens with when the import skipped or repaired rows: the full
/// list goes to standard error before the screen starts, where an ncurses screen hides it.
enum ImportNotice {
    /// A warning naming the file, how many rows were skipped or repaired and the first
    /// skipped row's line and kind of problem, or nil when the import had nothing to report
    /// that changes what is in the queue. Short enough for the status row at 100 columns.
    static func flash(_ result: ImportResult) -> Flash? {
        let c = result.counts
        let skipped = c.malformed + c.skippedEmpty + c.duplicateIDs
        var what: [String] = []
        if skipped > 0 {
            // The problem's kind only ("invalid JSON"), not its column detail.
            let first = result.problems.first { $0.line > 0 && $0.skipped }
                .map { " (line \($0.line): \($0.message.split(separator: ":").first.map(String.init) ?? $0.message))" } ?? ""
            what.append(Text.count(skipped, "row") + " skipped" + first)
        }
        if c.invalidUTF8Replaced > 0 { what.append("\(c.invalidUTF8Replaced) had bad UTF-8") }
        guard !what.isEmpty else { return nil }
        let file = result.files.count == 1 ? result.files[0].path : "import"
        return Flash(.warning, "\(file): " + what.joined(separator: "; ") + " — see dyad validate")
    }
}
