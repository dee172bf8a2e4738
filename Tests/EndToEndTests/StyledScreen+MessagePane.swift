extension StyledScreen {
    /// The row of the Message pane's title (`┌─ Message m0042 …`).
    var messageTitleRow: Int? {
        rows.indices.first { Analyst.messageID(text($0)) != nil }
    }

    /// The row of the verdict line (`│model  …`).
    var verdictRow: Int? {
        guard let top = messageTitleRow else { return nil }
        return rows.indices.first { $0 > top && text($0).contains("│model  ") }
    }

    /// Rows holding the message's text: below the title, above the separator over the verdict.
    var messageBodyRows: Range<Int> {
        guard let top = messageTitleRow, let verdict = verdictRow, verdict - 1 > top + 1 else { return 0..<0 }
        return (top + 1)..<(verdict - 1)
    }

    /// The cells inside the Message pane on row `y` (right of the `││` where the queue meets it).
    func messageCells(_ y: Int) -> [Cell] {
        guard rows.indices.contains(y) else { return [] }
        let row = rows[y]
        guard row.count > 2, let join = row.indices.dropLast().first(where: { row[$0].char == "│" && row[$0 + 1].char == "│" }) else {
            return []
        }
        var cells = Array(row[(join + 2)...])
        if cells.last?.char == "│" { cells.removeLast() }
        return cells
    }

    /// Runs of Message pane cells on row `y` whose style satisfies `match`, as text.
    func messageRuns(_ y: Int, where match: (Style) -> Bool) -> [String] {
        StyledScreen.runs(messageCells(y)) { match($1.style) }
    }

    /// Runs of the message text (body rows) with `style`.
    func bodyRuns(with style: Style) -> [String] {
        messageBodyRows.flatMap { messageRuns($0) { $0 == style } }
    }

    /// The style of the first cell of `prefix` + `word` in the verdict's `why` line.
    func whyStyle(of word: String, prefix: Character) -> Style? {
        guard let verdict = verdictRow else { return nil }
        let y = verdict + 1
        let cells = messageCells(y)
        let chars = cells.map(\.char)
        let needle = Array(String(prefix) + word)
        guard needle.count <= chars.count else { return nil }
        for start in 0...(chars.count - needle.count) where Array(chars[start..<(start + needle.count)]) == needle {
            return cells[start].style
        }
        return nil
    }

    /// Cells of the message body whose style differs from `other`'s at the same place, as runs of text.
    func changedBodyRuns(from other: StyledScreen) -> [String] {
        messageBodyRows.flatMap { y in
            let b = other.messageCells(y)
            return StyledScreen.runs(messageCells(y)) { k, cell in k < b.count && b[k].char == cell.char && b[k].style != cell.style }
        }
    }
}
