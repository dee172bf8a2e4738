import Foundation
import TestSupport

/// The bundled sample messages (`SampleData/threats.jsonl`): text and gold label by id.
struct SampleSet {
    let url: URL
    private(set) var text: [String: String] = [:]
    private(set) var gold: [String: String] = [:]
    private(set) var count = 0

    init() throws {
        url = TestSupport.packageRoot.appendingPathComponent("SampleData/threats.jsonl")
        let data = try String(contentsOf: url, encoding: .utf8)
        for line in data.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String else { continue }
            text[id] = object["text"] as? String ?? ""
            gold[id] = object["gold"] as? String
            count += 1
        }
    }

    /// The gold labels in alphabetical order: the keys 1…n a fresh workspace gets.
    var labels: [String] { Set(gold.values).sorted() }

    /// A piece of the text of message `id` (one line, `length` characters) found in no other message: a search that finds only it.
    func uniqueSnippet(of id: String, length: Int = 20) -> String? {
        guard let chars = text[id].map(Array.init), chars.count >= length else { return nil }
        let others = text.filter { $0.key != id }.map { $0.value.lowercased() }
        for start in 0...(chars.count - length) {
            let piece = String(chars[start..<(start + length)])
            guard !piece.contains(where: \.isNewline), piece.first?.isWhitespace == false, piece.last?.isWhitespace == false else { continue }
            if !others.contains(where: { $0.contains(piece.lowercased()) }) { return piece }
        }
        return nil
    }

    /// The digit key of `label` on a fresh workspace.
    func key(of label: String) -> String? {
        labels.firstIndex(of: label).map { String($0 + 1) }
    }
}
