import Terminal

/// Text with a style per character, wrapped to a width for the message pane.
struct StyledText {
    var chars: [(Character, Style)] = []

    /// Builds styled characters from `text`, giving `style(utf8Offset)` to each.
    init(_ text: String, style: (Int) -> Style) {
        var offset = 0
        for ch in text {
            chars.append((ch, style(offset)))
            offset += ch.utf8.count
        }
    }

    /// Word-wrapped lines no wider than `width` columns; newlines are kept.
    func wrapped(width: Int) -> [[(Character, Style)]] {
        guard width > 0 else { return [] }
        var lines: [[(Character, Style)]] = []
        var line: [(Character, Style)] = []
        var lineWidth = 0
        var i = 0
        let n = chars.count
        while i < n {
            let (ch, _) = chars[i]
            if ch.isNewline {
                lines.append(line)
                line = []
                lineWidth = 0
                i += 1
                continue
            }
            // Take a word (or a run of spaces).
            var j = i
            var w = 0
            let isSpace = ch.isWhitespace
            while j < n, !chars[j].0.isNewline, chars[j].0.isWhitespace == isSpace {
                w += DisplayWidth.of(chars[j].0)
                j += 1
            }
            if isSpace {
                if lineWidth > 0, lineWidth + w <= width {
                    line.append(contentsOf: chars[i..<j])
                    lineWidth += w
                } else if lineWidth > 0 {
                    lines.append(line)
                    line = []
                    lineWidth = 0
                }
            } else if lineWidth + w <= width {
                line.append(contentsOf: chars[i..<j])
                lineWidth += w
            } else if w <= width {
                lines.append(trimmed(line))
                line = Array(chars[i..<j])
                lineWidth = w
            } else {
                // A word longer than the line: break it.
                for k in i..<j {
                    let cw = DisplayWidth.of(chars[k].0)
                    if lineWidth + cw > width {
                        lines.append(line)
                        line = []
                        lineWidth = 0
                    }
                    line.append(chars[k])
                    lineWidth += cw
                }
            }
            i = j
        }
        if !line.isEmpty { lines.append(trimmed(line)) }
        return lines
    }

    private func trimmed(_ l: [(Character, Style)]) -> [(Character, Style)] {
        var l = l
        while let last = l.last, last.0.isWhitespace { l.removeLast() }
        return l
    }
}
