import Core
import Foundation
import Journal

/// Writes a workspace journal with many label decisions, as a long-running team would have.
enum BenchJournal {
    /// Creates `directory/journal.jsonl` with one `label_defined` per label of `labels`
    /// and `events` label decisions on distinct messages of `store` (gold label, spread over the file).
    /// Returns the number of records written.
    @discardableResult
    static func write(directory: URL, store: MessageStore, labels: [String], events: Int) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("journal.jsonl")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw WorkbenchError.benchFailed("cannot create \(url.path): check the folder is writable")
        }
        defer { try? handle.close() }
        var seq = 0
        var out: [UInt8] = []
        func emit(_ e: Event) throws {
            seq += 1
            out += RecordCodec.encode(JournalRecord(seq: seq, time: "2026-11-20T09:00:00.000Z", actor: "bench", event: e))
            if out.count >= 1 << 20 {
                try handle.write(contentsOf: out)
                out.removeAll(keepingCapacity: true)
            }
        }
        for (k, name) in labels.enumerated() {
            try emit(.labelDefined(name: name, key: k < 9 ? String(k + 1) : nil, description: nil))
        }
        let n = store.count
        let count = min(events, n)
        // A stride coprime with n visits distinct messages spread over the file.
        var step = max(1, n / max(1, count)) | 1
        while gcd(step, n) != 1 { step += 2 }
        var i = 0
        for _ in 0..<count {
            let label = store.gold(i) ?? labels.first ?? "benign"
            try emit(.label(LabelDecision(messageID: store.id(i), label: label, predicted: nil, confidence: nil,
                                          strategy: .margin, ms: 1500)))
            i = (i + step) % n
        }
        try handle.write(contentsOf: out)
        return seq
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
