import Core

/// Maps `Event` to and from the `type` and `data` fields of a journal line (snake_case keys, fixed order).
public enum EventCoding {
    /// Every event type this version of Dyad reads and writes.
    public static let knownTypes: Set<String> = [
        "session_opened", "label", "skip", "undo", "note", "label_defined", "label_renamed",
        "label_retired", "lexicon", "bulk_label", "cycle_closed",
    ]

    /// The `data` object of an event. Absent optional values are omitted.
    public static func data(_ event: Event) -> JSONObject {
        var o = JSONObject()
        func put(_ k: String, _ v: String?) { if let v { o.append(k, .string(v)) } }
        func put(_ k: String, _ v: Int?) { if let v { o.append(k, .int(v)) } }
        func put(_ k: String, _ v: Double?) { if let v { o.append(k, .double(v)) } }
        switch event {
        case .sessionOpened(let s):
            put("dyad_version", s.dyadVersion)
            o.append("files", .array(s.files.map { .string($0) }))
            put("files_hash", s.filesHash)
            put("message_count", s.messageCount)
        case .label(let d):
            put("message_id", d.messageID)
            put("label", d.label)
            put("predicted", d.predicted)
            put("confidence", d.confidence)
            put("strategy", d.strategy?.rawValue)
            put("ms", d.ms)
            put("origin", d.origin.rawValue)
        case let .skip(id, strategy, ms):
            put("message_id", id)
            put("strategy", strategy?.rawValue)
            put("ms", ms)
        case .undo(let seq):
            put("seq", seq)
        case let .note(id, text):
            put("message_id", id)
            put("text", text)
        case let .labelDefined(name, key, description):
            put("name", name)
            put("key", key)
            put("description", description)
        case let .labelRenamed(from, to):
            put("from", from)
            put("to", to)
        case .labelRetired(let name):
            put("name", name)
        case .lexicon(let c):
            put("op", c.op.rawValue)
            put("term", c.term)
            put("label", c.label)
            put("concept", c.concept)
            put("author", c.author.rawValue)
        case .bulkLabel(let b):
            put("label", b.label)
            o.append("message_ids", .array(b.messageIDs.map { .string($0) }))
            put("cluster", b.cluster)
            put("origin", b.origin?.rawValue)
        case .cycleClosed(let m):
            put("number", m.number)
            put("decisions", m.decisions)
            put("agreement", m.agreement)
            put("held_out_macro_f1", m.heldOutMacroF1)
            put("gold_accuracy", m.goldAccuracy)
            o.append("per_label", .object(JSONObject(m.perLabel.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
            o.append("moved_terms", .array(m.movedTerms.map { .string($0) }))
            put("flipped", m.flipped)
            o.append("lexicon_changes", .object(JSONObject(m.lexiconChanges.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
            put("ms_per_decision", m.msPerDecision)
            put("consistency", m.consistency)
            if m.atOnce > 0 { put("at_once", m.atOnce) }
            if !m.heldOutF1ByLabel.isEmpty {
                o.append("held_out_f1_by_label",
                         .object(JSONObject(m.heldOutF1ByLabel.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) })))
            }
        }
        return o
    }

    /// Decodes an event from its type name and `data` object.
    ///
    /// Throws `JournalError.badRecord` naming the field; an unknown type is
    /// reported separately by the caller (see `knownTypes`).
    public static func event(type: String, data: JSONObject) throws(JournalError) -> Event {
        let f = FieldReader(object: data, context: type)
        switch type {
        case "session_opened":
            return .sessionOpened(SessionOpened(dyadVersion: try f.string("dyad_version"), files: try f.strings("files"),
                                                filesHash: try f.string("files_hash"), messageCount: try f.int("message_count")))
        case "label":
            return .label(LabelDecision(messageID: try f.string("message_id"), label: try f.string("label"),
                                        predicted: try f.optString("predicted"), confidence: try f.optDouble("confidence"),
                                        strategy: try f.optEnum("strategy", QueueStrategy.self), ms: try f.optInt("ms") ?? 0,
                                        origin: try f.optEnum("origin", DecisionOrigin.self) ?? .triage))
        case "skip":
            return .skip(messageID: try f.string("message_id"), strategy: try f.optEnum("strategy", QueueStrategy.self),
                         ms: try f.optInt("ms") ?? 0)
        case "undo":
            return .undo(seq: try f.int("seq"))
        case "note":
            return .note(messageID: try f.optString("message_id"), text: try f.string("text"))
        case "label_defined":
            return .labelDefined(name: try f.string("name"), key: try f.optString("key"), description: try f.optString("description"))
        case "label_renamed":
            return .labelRenamed(from: try f.string("from"), to: try f.string("to"))
        case "label_retired":
            return .labelRetired(name: try f.string("name"))
        case "lexicon":
            return .lexicon(LexiconChange(op: try f.enumValue("op", LexiconOp.self), term: try f.string("term"),
                                          label: try f.optString("label"), concept: try f.optString("concept"),
                                          author: try f.optEnum("author", TermAuthor.self) ?? .human))
        case "bulk_label":
            return .bulkLabel(BulkLabel(label: try f.string("label"), messageIDs: try f.strings("message_ids"),
                                        cluster: try f.optInt("cluster"), origin: try f.optEnum("origin", DecisionOrigin.self)))
        case "cycle_closed":
            return .cycleClosed(CycleMetrics(
                number: try f.int("number"), decisions: try f.int("decisions"), agreement: try f.double("agreement"),
                heldOutMacroF1: try f.optDouble("held_out_macro_f1"), goldAccuracy: try f.optDouble("gold_accuracy"),
                perLabel: try f.intMap("per_label"), movedTerms: try f.strings("moved_terms"),
                flipped: try f.optInt("flipped") ?? 0, lexiconChanges: try f.intMap("lexicon_changes"),
                msPerDecision: try f.optDouble("ms_per_decision") ?? 0, consistency: try f.optDouble("consistency"),
                heldOutF1ByLabel: try f.doubleMap("held_out_f1_by_label"), atOnce: try f.optInt("at_once") ?? 0))
        default:
            throw JournalError.badRecord(line: 0, reason: "unknown event type '\(type)'")
        }
    }
}
