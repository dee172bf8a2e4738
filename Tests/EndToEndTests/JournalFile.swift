import Foundation

/// The records of a workspace's `journal.jsonl`, read as plain JSON (independently of the Journal module).
struct JournalFile {
    /// One line: its `type` and its `data` payload.
    struct Record {
        var seq: Int
        var type: String
        var data: [String: Any]
    }

    let records: [Record]

    /// Reads `workspace/journal.jsonl`; throws when a line is not a JSON object.
    init(workspace: URL) throws {
        let text = try String(contentsOf: workspace.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        records = try text.split(separator: "\n").map { line in
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "not a JSON object: \(line)"])
            }
            return Record(seq: o["seq"] as? Int ?? -1, type: o["type"] as? String ?? "", data: o["data"] as? [String: Any] ?? [:])
        }
    }

    /// The records of one type, in journal order.
    func of(_ type: String) -> [Record] { records.filter { $0.type == type } }
}
