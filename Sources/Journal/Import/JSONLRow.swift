import Core

/// Turns one JSON Lines row into a message.
///
/// Shapes read: `{"id","text","label"|"gold","ts","source","meta"}`,
/// `{"text","meta"}` (Prodigy) and `{"data":{"text",…}}` (Label Studio).
/// `source` may also sit in `meta.source`.
enum JSONLRow {
    static func importLine(_ bytes: UnsafeBufferPointer<UInt8>, file: String, fileIndex: Int, line: Int,
                           sink: inout ImportSink) throws {
        let parsed: (JSONValue, replacedInvalidUTF8: Bool)
        do throws(JSONParseError) {
            parsed = try JSONParser.parse(bytes)
        } catch {
            try sink.malformed(file, line, "invalid JSON: \(error)", "fix the line or remove it; each line must be one JSON object")
            return
        }
        var replaced = parsed.replacedInvalidUTF8
        if !replaced, String(validating: bytes, as: UTF8.self) == nil { replaced = true }
        guard case .object(let o) = parsed.0 else {
            if case .array = parsed.0 {
                try sink.malformed(file, line, "expected a JSON object, found an array",
                                   "Dyad reads JSON Lines; convert a JSON array with `jq -c '.[]' FILE`")
            } else {
                try sink.malformed(file, line, "expected a JSON object, found \(parsed.0.typeName)", "each line must be one JSON object")
            }
            return
        }
        let data = o["data"]?.objectValue
        let meta = o["meta"]?.objectValue
        guard let textValue = o["text"] ?? data?["text"] else {
            try sink.malformed(file, line, "no 'text' field (nor 'data.text')", "give each row a \"text\" string")
            return
        }
        guard let text = textValue.stringValue else {
            try sink.malformed(file, line, "'text' is \(textValue.typeName), expected a string", "write the text as a JSON string")
            return
        }
        let idValue = o["id"] ?? data?["id"] ?? meta?["id"]
        var id: String
        switch idValue {
        case .string(let s)?: id = s
        case .int(let i)?: id = String(i)
        case .double(let d)? where d.rounded() == d: id = String(Int(d))
        case nil, .null?: id = FNV1a.shortID(text)
        case let v?:
            try sink.malformed(file, line, "'id' is \(v.typeName), expected a string or an integer", "write the id as a string")
            return
        }
        if id.isEmpty { id = FNV1a.shortID(text) }
        var gold: String?
        if let g = o["gold"] ?? o["label"], g != .null {
            if let s = g.stringValue {
                gold = s
            } else {
                try sink.report(file, line, "'\(o["gold"] != nil ? "gold" : "label")' is \(g.typeName), expected a string; ignored",
                                "write the label as a string", skipped: false)
            }
        }
        var flatMeta: [String: String] = [:]
        if let mv = o["meta"], mv != .null {
            if let mo = mv.objectValue {
                for p in mo.pairs { flatMeta[p.key] = p.value.flatString }
            } else {
                try sink.report(file, line, "'meta' is \(mv.typeName), expected an object; ignored", "", skipped: false)
            }
        }
        let ts: String? = o["ts"].flatMap { $0 == .null ? nil : $0.flatString }
        let source = o["source"]?.stringValue ?? meta?["source"]?.stringValue
        if source != nil { flatMeta["source"] = nil }
        try sink.add(Message(id: id, text: text, gold: gold, ts: ts, source: source, meta: flatMeta),
                     file: file, fileIndex: fileIndex, line: line, replacedUTF8: replaced)
    }
}
