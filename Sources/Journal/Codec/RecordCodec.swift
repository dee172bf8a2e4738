import Core

/// What is wrong with one journal line.
public struct LineProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Kinds of damage, from "probably a torn write" to "newer format".
    public enum Kind: String, Sendable, Equatable {
        /// The line is cut short (no newline, or no checksum at the end).
        case torn
        /// The checksum does not match the bytes (altered or torn line).
        case checksum
        /// The checksum matches but the JSON or a field is invalid.
        case invalid
        /// A newer format version or an unknown event type.
        case unsupported
        /// The sequence number is not the previous one plus one.
        case sequence
        /// An empty line.
        case empty
    }

    /// 1-based line number in the journal file.
    public var line: Int
    /// Kind of damage.
    public var kind: Kind
    /// What was found.
    public var reason: String

    /// Creates a problem.
    public init(line: Int, kind: Kind, reason: String) {
        self.line = line
        self.kind = kind
        self.reason = reason
    }

    /// `line N: reason`.
    public var description: String { "line \(line): \(reason)" }
}

/// Encodes and decodes journal lines.
///
/// A line is `{"v":1,"seq":N,"ts":"…","actor":"…","type":"…","data":{…},"crc":"xxxxxxxx"}`
/// followed by `\n`. The checksum is the CRC-32 (IEEE) of the exact UTF-8
/// bytes before `,"crc":"`, written as 8 lower-case hex digits.
public enum RecordCodec {
    /// The journal format version this Dyad writes.
    public static let version = 1
    /// Bytes of the fixed suffix `,"crc":"xxxxxxxx"}`.
    static let suffixLength = 18
    static let crcMarker = Array(#","crc":""#.utf8)

    /// The full line for a record, including the trailing newline.
    public static func encode(_ r: JournalRecord) -> [UInt8] {
        var out = body(r)
        let crc = out.withUnsafeBufferPointer { CRC32.checksum($0) }
        out.append(contentsOf: crcMarker)
        out.append(contentsOf: CRC32.hex(crc))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "}"), 10])
        return out
    }

    /// The checksum a record's line carries in its `crc` field (CRC-32 of the line before `,"crc":"`).
    public static func checksum(_ r: JournalRecord) -> UInt32 {
        body(r).withUnsafeBufferPointer { CRC32.checksum($0) }
    }

    /// The bytes of a record's line up to (not including) `,"crc":"`.
    static func body(_ r: JournalRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"v":"#.utf8)
        out.append(contentsOf: String(r.version).utf8)
        out.append(contentsOf: #","seq":"#.utf8)
        out.append(contentsOf: String(r.seq).utf8)
        out.append(contentsOf: #","ts":"#.utf8)
        JSONWriter.writeString(r.time, into: &out)
        out.append(contentsOf: #","actor":"#.utf8)
        JSONWriter.writeString(r.actor, into: &out)
        out.append(contentsOf: #","type":"#.utf8)
        JSONWriter.writeString(r.event.typeName, into: &out)
        out.append(contentsOf: #","data":"#.utf8)
        JSONWriter.write(.object(EventCoding.data(r.event)), into: &out)
        return out
    }

    /// Decodes one line (without its newline). `line` is used in problems.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Result<JournalRecord, LineProblem> {
        func problem(_ k: LineProblem.Kind, _ r: String) -> Result<JournalRecord, LineProblem> {
            .failure(LineProblem(line: line, kind: k, reason: r))
        }
        if bytes.isEmpty { return problem(.empty, "empty line") }
        let n = bytes.count
        guard n > suffixLength, bytes[n - 1] == UInt8(ascii: "}"), bytes[n - 2] == UInt8(ascii: "\"") else {
            return problem(.torn, "line is cut short: no checksum at its end (torn write?)")
        }
        let markerStart = n - suffixLength
        for i in 0..<crcMarker.count where bytes[markerStart + i] != crcMarker[i] {
            return problem(.torn, "line is cut short: no checksum at its end (torn write?)")
        }
        var stored: UInt32 = 0
        for i in (markerStart + crcMarker.count)..<(n - 2) {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 97...102: d = UInt32(b - 87)
            case 65...70: d = UInt32(b - 55)
            default: return problem(.checksum, "checksum field is not 8 hex digits")
            }
            stored = stored << 4 | d
        }
        let actual = CRC32.checksum(UnsafeBufferPointer(rebasing: bytes[0..<markerStart]))
        guard actual == stored else {
            return problem(.checksum, "checksum mismatch (line altered or torn)")
        }
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONParser.parse(bytes).0
        } catch {
            return problem(.invalid, "invalid JSON: \(error)")
        }
        guard case .object(let o) = value else { return problem(.invalid, "line is not a JSON object") }
        let f = FieldReader(object: o, context: "record")
        do throws(JournalError) {
            let v = try f.int("v")
            guard v == version else { return problem(.unsupported, "format version \(v) is not supported (this Dyad writes \(version))") }
            let seq = try f.int("seq")
            let ts = try f.string("ts")
            let actor = try f.string("actor")
            let type = try f.string("type")
            guard EventCoding.knownTypes.contains(type) else {
                return problem(.unsupported, "unknown event type '\(type)'")
            }
            guard let dv = o["data"], case .object(let data) = dv else {
                return problem(.invalid, "field 'data' is missing or not an object")
            }
            let event = try EventCoding.event(type: type, data: data)
            return .success(JournalRecord(version: v, seq: seq, time: ts, actor: actor, event: event))
        } catch {
            if case .badRecord(_, let reason) = error { return problem(.invalid, reason) }
            return problem(.invalid, error.description)
        }
    }

    /// Decodes one line given as bytes (convenience for tests and tools).
    public static func decode(_ bytes: [UInt8], line: Int = 1) -> Result<JournalRecord, LineProblem> {
        var b = bytes
        if b.last == 10 { b.removeLast() }
        return b.withUnsafeBufferPointer { decode($0, line: line) }
    }
}
