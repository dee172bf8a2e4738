import Core
import Foundation

/// Output formats of `dyad export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON object per decided message.
    case jsonl
    /// CSV with a header row (RFC 4180 quoting).
    case csv
    /// Prodigy JSONL (`text`, `label`, `accept`, `answer: "accept"`, `meta`).
    case prodigy
    /// Label Studio: one JSON array of tasks with `data.text` and choice annotations.
    case labelstudio
}

/// The model's current view of one message, for exports with predictions.
public typealias ExportPrediction = (label: String, confidence: Double, words: [String])

/// Writes the latest decision per message (undo honoured) in formats other tools import.
public struct Exporter {
    /// The folded journal.
    public var state: JournalState
    /// The messages (for texts, gold labels and metadata).
    public var store: MessageStore
    /// The model's prediction for message index `i`, when predictions are wanted.
    public var predict: ((Int) -> ExportPrediction?)?

    /// Creates an exporter.
    public init(state: JournalState, store: MessageStore, predict: ((Int) -> ExportPrediction?)? = nil) {
        self.state = state
        self.store = store
        self.predict = predict
    }

    /// What an export wrote.
    public struct Summary: Sendable, Equatable {
        /// Decisions written.
        public var written = 0
        /// Decisions whose message is not in the given files (not written).
        public var missingMessages: [String] = []
    }

    /// The decided messages in file order, then decisions whose message was not found.
    func rows() -> (rows: [(index: Int, decision: DecisionInfo)], missing: [String]) {
        var rows: [(index: Int, decision: DecisionInfo)] = []
        var found = Set<String>()
        for i in 0..<store.count {
            let id = store.id(i)
            if let d = state.decisions[id], !found.contains(id) {
                rows.append((i, d))
                found.insert(id)
            }
        }
        let missing = state.decisions.keys.filter { !found.contains($0) }.sorted()
        return (rows, missing)
    }

    /// The export as bytes.
    public func export(_ format: ExportFormat) -> (data: [UInt8], summary: Summary) {
        let (rows, missing) = rows()
        var out: [UInt8] = []
        switch format {
        case .jsonl, .prodigy:
            for (i, d) in rows {
                JSONWriter.write(.object(format == .jsonl ? jsonlRow(i, d) : prodigyRow(i, d)), into: &out)
                out.append(10)
            }
        case .csv:
            out = csvExport(rows)
        case .labelstudio:
            JSONWriter.write(.array(rows.map { .object(labelStudioTask($0.index, $0.decision)) }), into: &out)
            out.append(10)
        }
        return (out, Summary(written: rows.count, missingMessages: missing))
    }

    func jsonlRow(_ i: Int, _ d: DecisionInfo) -> JSONObject {
        let m = store[i]
        var o = JSONObject()
        o.append("id", .string(m.id))
        o.append("text", .string(m.text))
        o.append("label", .string(d.label))
        o.append("analyst", .string(d.actor))
        o.append("time", .string(d.time))
        o.append("seq", .int(d.seq))
        o.append("predicted", d.predicted.map { .string($0) } ?? .null)
        o.append("confidence", d.confidence.map { .double($0) } ?? .null)
        o.append("origin", .string(d.origin.rawValue))
        if d.bulk { o.append("bulk", .bool(true)) }
        if let g = m.gold { o.append("gold", .string(g)) }
        if let p = predict?(i) {
            o.append("model_label", .string(p.label))
            o.append("model_confidence", .double(p.confidence))
            o.append("model_words", .array(p.words.map { .string($0) }))
        }
        if !m.meta.isEmpty || m.source != nil || m.ts != nil { o.append("meta", .object(metaObject(m))) }
        return o
    }

    func metaObject(_ m: Message) -> JSONObject {
        var meta = JSONObject(m.meta.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        if let s = m.source { meta.append("source", .string(s)) }
        if let t = m.ts { meta.append("ts", .string(t)) }
        return meta
    }

    func prodigyRow(_ i: Int, _ d: DecisionInfo) -> JSONObject {
        let m = store[i]
        var o = JSONObject()
        o.append("text", .string(m.text))
        o.append("label", .string(d.label))
        o.append("options", .array(state.labels.all.map { .object(JSONObject([("id", .string($0.name)), ("text", .string($0.name))])) }))
        o.append("accept", .array([.string(d.label)]))
        o.append("answer", .string("accept"))
        var meta = metaObject(m)
        meta.append("id", .string(m.id))
        meta.append("analyst", .string(d.actor))
        meta.append("time", .string(d.time))
        if let p = predict?(i) {
            meta.append("model_label", .string(p.label))
            meta.append("model_confidence", .double(p.confidence))
        }
        o.append("meta", .object(meta))
        return o
    }

    func labelStudioTask(_ i: Int, _ d: DecisionInfo) -> JSONObject {
        let m = store[i]
        func result(_ label: String) -> JSONValue {
            .array([.object(JSONObject([("from_name", .string("label")), ("to_name", .string("text")),
                                        ("type", .string("choices")),
                                        ("value", .object(JSONObject([("choices", .array([.string(label)]))])))]))])
        }
        var data = JSONObject([("text", .string(m.text)), ("id", .string(m.id))])
        if let s = m.source { data.append("source", .string(s)) }
        var task = JSONObject()
        task.append("data", .object(data))
        task.append("annotations", .array([.object(JSONObject([
            ("result", result(d.label)), ("completed_by", .string(d.actor)), ("created_at", .string(d.time)),
        ]))]))
        if let p = predict?(i) {
            task.append("predictions", .array([.object(JSONObject([
                ("model_version", .string("dyad")), ("score", .double(p.confidence)), ("result", result(p.label)),
            ]))]))
        }
        return task
    }

    func csvExport(_ rows: [(index: Int, decision: DecisionInfo)]) -> [UInt8] {
        var header = ["id", "text", "label", "analyst", "time", "seq", "predicted", "confidence", "origin", "gold"]
        if predict != nil { header += ["model_label", "model_confidence", "model_words"] }
        var out: [UInt8] = []
        Self.csvLine(header, into: &out)
        for (i, d) in rows {
            let m = store[i]
            var f = [m.id, m.text, d.label, d.actor, d.time, String(d.seq), d.predicted ?? "",
                     d.confidence.map { "\($0)" } ?? "", d.origin.rawValue, m.gold ?? ""]
            if predict != nil {
                if let p = predict?(i) {
                    f += [p.label, "\(p.confidence)", p.words.joined(separator: " ")]
                } else {
                    f += ["", "", ""]
                }
            }
            Self.csvLine(f, into: &out)
        }
        return out
    }

    /// Appends one CSV row: fields with `,` `"` CR or LF are quoted, quotes doubled.
    static func csvLine(_ fields: [String], into out: inout [UInt8]) {
        for (k, f) in fields.enumerated() {
            if k > 0 { out.append(44) }
            if f.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
                out.append(34)
                for b in f.utf8 {
                    if b == 34 { out.append(34) }
                    out.append(b)
                }
                out.append(34)
            } else {
                out.append(contentsOf: f.utf8)
            }
        }
        out.append(contentsOf: [13, 10])
    }
}
