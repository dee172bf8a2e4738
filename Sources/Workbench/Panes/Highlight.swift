import Foundation
import Terminal

/// Re-styles cells of already drawn text where a query matches.
enum Highlight {
    /// Marks case-insensitive matches of `query` in `text`, drawn at (`x`, `y`).
    static func matches(_ b: inout ScreenBuffer, text: String, query: String, x: Int, y: Int, maxWidth: Int, style: Style) {
        var searchRange = text.startIndex..<text.endIndex
        while let m = text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive], range: searchRange) {
            let startCol = DisplayWidth.of(String(text[text.startIndex..<m.lowerBound]))
            let w = DisplayWidth.of(String(text[m]))
            for c in startCol..<min(startCol + w, maxWidth) where x + c < b.size.width {
                b[x + c, y].style = style
            }
            if m.upperBound == searchRange.upperBound || m.isEmpty { break }
            searchRange = m.upperBound..<text.endIndex
        }
    }
}
