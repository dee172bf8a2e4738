import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The common JSON Lines row, read without building a JSON tree or a `String` for the text.
///
/// Accepts exactly `{"id":"…","text":"…","gold":"…"}`-shaped objects: string values only, keys
/// among `id`, `text`, `gold`, `label` (each at most once, `text` required), JSON whitespace
/// between tokens, escapes other than `\u`, and valid UTF-8. Anything else — other keys, other
/// value types, `\u` escapes, invalid UTF-8, a text with no visible ASCII character, any syntax
/// error — is declined (`nil`) and the line goes through `JSONLRow` and the full parser, so
/// every problem is still reported by the one path that reported it before. For an accepted
/// line the result is the message `JSONLRow` would build.
struct JSONLFastRow {
    /// The id (derived from the text when the row has none or an empty one).
    var id: String
    /// Where the text's bytes are: a range of the line, or `decoded` when the text had escapes.
    var text: Range<Int>
    /// The text with its escapes decoded (nil: read it from the line).
    var decoded: [UInt8]?
    /// `gold`, else `label`.
    var gold: String?

    /// Calls `body` with the text's UTF-8 bytes.
    func withText<R>(in line: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let decoded { return try decoded.withUnsafeBufferPointer(body) }
        return try body(UnsafeBufferPointer(rebasing: line[text]))
    }

    /// Reads `line` (no newline, no trailing CR) or declines it.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> JSONLFastRow? {
        var s = Scanner(bytes: line)
        s.space()
        guard s.take(UInt8(ascii: "{")) else { return nil }
        var id: String?, text: (Range<Int>, [UInt8]?)?, gold: String?, label: String?
        var seen = 0
        s.space()
        if s.take(UInt8(ascii: "}")) { return nil }
        while true {
            s.space()
            guard let key = s.string() else { return nil }
            s.space()
            guard s.take(UInt8(ascii: ":")) else { return nil }
            s.space()
            guard let value = s.string() else { return nil }
            let k = UnsafeBufferPointer(rebasing: line[key.0])
            let bit: Int
            if key.1 == nil, equals(k, "text") {
                bit = 1
                text = value
            } else if key.1 == nil, equals(k, "id") {
                bit = 2
                guard let v = s.decode(value) else { return nil }
                id = v
            } else if key.1 == nil, equals(k, "gold") {
                bit = 4
                guard let v = s.decode(value) else { return nil }
                gold = v
            } else if key.1 == nil, equals(k, "label") {
                bit = 8
                guard let v = s.decode(value) else { return nil }
                label = v
            } else {
                return nil
            }
            guard seen & bit == 0 else { return nil }
            seen |= bit
            s.space()
            if s.take(UInt8(ascii: "}")) { break }
            guard s.take(UInt8(ascii: ",")) else { return nil }
        }
        s.space()
        guard s.atEnd, let (range, decoded) = text else { return nil }
        let visible: Bool = {
            if let decoded { return decoded.withUnsafeBufferPointer(hasVisibleASCII) }
            return hasVisibleASCII(UnsafeBufferPointer(rebasing: line[range]))
        }()
        guard visible else { return nil }
        var row = JSONLFastRow(id: id ?? "", text: range, decoded: decoded, gold: gold ?? label)
        if row.id.isEmpty { row.id = row.withText(in: line) { FNV1a.shortID(bytes: $0) } }
        return row
    }

    /// Parses the lines at `ranges` of `bytes` (each without its newline; a trailing CR is dropped)
    /// on both cores; nil where a line is declined.
    static func parseAll(_ ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [JSONLFastRow?] {
        var rows = [JSONLFastRow?](repeating: nil, count: ranges.count)
        let parts = 2
        rows.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            nonisolated(unsafe) let bytes = bytes
            ranges.withUnsafeBufferPointer { r in
                nonisolated(unsafe) let r = r
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let lo = r.count * part / parts, hi = r.count * (part + 1) / parts
                    for k in lo..<hi {
                        out[k] = parse(ImportSession.withoutCR(UnsafeBufferPointer(rebasing: bytes[r[k]])))
                    }
                }
            }
        }
        return rows
    }

    /// Whether a text has a visible ASCII character (so it is not all whitespace).
    static func hasVisibleASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where c > 32 && c < 127 { return true }
        return false
    }

    static func equals(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        b.count == s.utf8CodeUnitCount && memcmp(b.baseAddress!, s.utf8Start, b.count) == 0
    }

    /// A cursor over the line.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var pos = 0

        var atEnd: Bool { pos == bytes.count }

        mutating func space() {
            while pos < bytes.count, bytes[pos] == 32 || bytes[pos] == 9 || bytes[pos] == 13 || bytes[pos] == 10 { pos += 1 }
        }

        mutating func take(_ b: UInt8) -> Bool {
            guard pos < bytes.count, bytes[pos] == b else { return false }
            pos += 1
            return true
        }

        /// A string token: its raw range (without quotes) and, when it had escapes, its decoded bytes.
        /// Declines `\u` escapes, control characters and invalid UTF-8.
        mutating func string() -> (Range<Int>, [UInt8]?)? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = pos
            var ascii = true
            while pos < bytes.count {
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    let r = start..<pos
                    pos += 1
                    guard ascii || String(validating: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) != nil else { return nil }
                    return (r, nil)
                }
                if b == UInt8(ascii: "\\") { return escaped(from: start) }
                if b < 32 { return nil }
                if b >= 128 { ascii = false }
                pos += 1
            }
            return nil
        }

        /// The rest of a string with escapes, decoded.
        mutating func escaped(from start: Int) -> (Range<Int>, [UInt8]?)? {
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<pos]))
            while pos < bytes.count {
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    let r = start..<pos
                    pos += 1
                    guard out.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil else { return nil }
                    return (r, out)
                }
                if b < 32 { return nil }
                pos += 1
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    continue
                }
                guard pos < bytes.count, let c = JSONParser.simpleEscape(bytes[pos]) else { return nil }
                out.append(c)
                pos += 1
            }
            return nil
        }

        /// A string value as `String`.
        func decode(_ v: (Range<Int>, [UInt8]?)) -> String? {
            if let d = v.1 { return String(decoding: d, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[v.0]), as: UTF8.self)
        }
    }
}
