import Foundation

/// Which CSV column holds what, decided from the header.
struct CSVColumns {
    var names: [String]
    var text: Int
    var id: Int?
    var gold: Int?
    var ts: Int?
    var source: Int?

    static let textNames = ["text", "message", "content", "body", "msg", "tweet", "sentence", "post"]

    /// Maps the header; throws a message (with the column list) when the text column cannot be found.
    static func resolve(header: [String], options: ImportOptions) -> Result<CSVColumns, ImportProblemText> {
        let lower = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let list = header.joined(separator: ", ")
        func find(_ name: String) -> Int? { lower.firstIndex(of: name.lowercased()) }
        let text: Int
        if let want = options.textColumn {
            guard let i = find(want) else {
                return .failure(ImportProblemText(message: "no column '\(want)' in the header (columns: \(list))",
                                                  hint: "give --text-column one of the header's names"))
            }
            text = i
        } else if let i = textNames.lazy.compactMap({ find($0) }).first {
            text = i
        } else if header.count == 1 {
            text = 0
        } else {
            return .failure(ImportProblemText(message: "cannot tell which column holds the text (columns: \(list))",
                                              hint: "give --text-column NAME"))
        }
        var id: Int?
        if let want = options.idColumn {
            guard let i = find(want) else {
                return .failure(ImportProblemText(message: "no column '\(want)' in the header (columns: \(list))",
                                                  hint: "give --id-column one of the header's names"))
            }
            id = i
        } else {
            id = find("id")
        }
        let gold = find("label") ?? find("gold")
        let ts = find("ts") ?? find("timestamp") ?? find("time") ?? find("date")
        return .success(CSVColumns(names: header, text: text, id: id, gold: gold, ts: ts, source: find("source")))
    }
}

/// A problem message and its hint, before a file and line are attached.
struct ImportProblemText: Error {
    var message: String
    var hint: String
}
