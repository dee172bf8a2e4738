import ArgumentParser
import Core
import Foundation
import Journal

/// `dyad journal bench`: append latency with fsync, replay speed, and import speed (a benchmark program).
struct JournalBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure append latency (fsync), replay events/s and import lines/s.")

    @Option(name: .long, help: "Appends to time (each flushed to disk).")
    var appends: Int = 2000

    @Option(name: .long, help: "Events in the synthetic journal for the replay benchmark.")
    var events: Int = 200_000

    @Option(name: .long, help: "Lines per synthetic messages file for the import benchmark (0 skips it).")
    var importLines: Int = 1_000_000

    @Option(name: .long, help: "Folder to work in (on the disk to measure; default: a new folder under the current one).")
    var dir: String?

    func run() throws {
        let base = URL(fileURLWithPath: dir ?? ".dyad-bench-\(getpid())")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(at: base) } }
        try benchAppend(base.appendingPathComponent("append"))
        try benchReplay(base.appendingPathComponent("replay"))
        if importLines > 0 { try benchImport(base) }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    func benchAppend(_ dir: URL) throws {
        let ws = try Workspace.open(directory: dir, create: true, actor: "bench")
        var times: [Double] = []
        for k in 0..<appends {
            let d = LabelDecision(messageID: "msg-\(k)", label: k % 2 == 0 ? "phishing" : "benign", predicted: "benign",
                                  confidence: 0.61, strategy: .margin, ms: 1200)
            let t0 = Self.now()
            _ = try ws.append(.label(d))
            times.append(Self.now() - t0)
        }
        ws.close()
        times.sort()
        let ms = { (v: Double) in String(format: "%.3f ms", v * 1000) }
        print("append (write + fdatasync, \(appends) label events): p50 \(ms(Self.percentile(times, 0.5))), "
              + "p99 \(ms(Self.percentile(times, 0.99))), max \(ms(times.last ?? 0))")
    }

    func benchReplay(_ dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("journal.jsonl")
        var bytes: [UInt8] = []
        let labels = ["phishing", "malware", "benign", "scam"]
        for seq in 1...events {
            let e: Event
            switch seq % 20 {
            case 0: e = .undo(seq: seq - 1)
            case 7: e = .skip(messageID: "m\(seq % 5000)", strategy: .entropy, ms: 800)
            case 13: e = .lexicon(LexiconChange(op: .add, term: "term\(seq % 300)", label: labels[seq % 4], author: .machine))
            case 17: e = .bulkLabel(BulkLabel(label: labels[seq % 4], messageIDs: (0..<10).map { "m\((seq + $0 * 7) % 50000)" }, cluster: seq % 12))
            default: e = .label(LabelDecision(messageID: "m\(seq % 50000)", label: labels[seq % 4], predicted: labels[(seq / 3) % 4],
                                              confidence: 0.5, strategy: .margin, ms: 900))
            }
            bytes += RecordCodec.encode(JournalRecord(seq: seq, time: "2026-11-21T22:48:51.123Z", actor: "bench", event: e))
        }
        try Data(bytes).write(to: url)
        let t0 = Self.now()
        let scan = try JournalReader.read(url)
        let t1 = Self.now()
        let state = JournalState(records: scan.records)
        let t2 = Self.now()
        let mb = Double(bytes.count) / 1_048_576
        print("replay read+verify (\(events) events, \(String(format: "%.1f", mb)) MB): \(Int(Double(events) / (t1 - t0))) events/s "
              + "(\(String(format: "%.0f", mb / (t1 - t0))) MB/s), problems \(scan.problems.count)")
        print("replay fold into JournalState: \(Int(Double(events) / (t2 - t1))) events/s (\(state.decisions.count) decisions); "
              + "total \(Int(Double(events) / (t2 - t0))) events/s")
    }

    func benchImport(_ base: URL) throws {
        let words = ["invoice", "password", "reset", "urgent", "account", "click", "bank", "meeting", "report", "update",
                     "ransomware", "payload", "c2", "server", "login", "verify", "crypto", "wallet", "team", "lunch"]
        func sentence(_ i: Int) -> String {
            (0..<12).map { words[(i &* 31 &+ $0 &* 17 &+ ($0 * i) % 7) % words.count] }.joined(separator: " ") + " #\(i)"
        }
        let kinds: [(String, (Int) -> String, String)] = [
            ("jsonl", { "{\"id\":\"m\($0)\",\"text\":\"\(sentence($0))\",\"label\":\"l\($0 % 4)\",\"meta\":{\"source\":\"forum\"}}" }, ""),
            ("csv", { "m\($0),\"\(sentence($0)), quoted\",l\($0 % 4)" }, "id,text,label\n"),
            ("txt", { sentence($0) }, ""),
        ]
        for (ext, line, header) in kinds {
            let url = base.appendingPathComponent("messages.\(ext)")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let h = try FileHandle(forWritingTo: url)
            var buf = Array(header.utf8)
            for i in 0..<importLines {
                buf += line(i).utf8
                buf.append(10)
                if buf.count > 4 << 20 { h.write(Data(buf)); buf.removeAll(keepingCapacity: true) }
            }
            h.write(Data(buf))
            try h.close()
            let size = Double((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) / 1_048_576
            let t0 = Self.now()
            let r = try MessageImporter.load(paths: [url.path])
            let dt = Self.now() - t0
            print("import \(ext) (\(importLines) lines, \(String(format: "%.0f", size)) MB): \(Int(Double(importLines) / dt)) lines/s, "
                  + "\(String(format: "%.1f", dt)) s, \(r.counts.loaded) loaded, \(r.problems.count) problems")
            try? FileManager.default.removeItem(at: url)
        }
    }
}
