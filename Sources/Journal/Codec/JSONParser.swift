/// Why a JSON text could not be parsed, with the byte offset where it went wrong.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset (0-based) in the parsed text.
    public var offset: Int
    /// What was wrong.
    public var reason: String

    /// A readable message: the reason and the column.
    public var description: String { "\(reason) at column \(offset + 1)" }
}

/// A small, strict JSON parser over UTF-8 bytes.
///
/// Invalid UTF-8 inside strings is replaced with U+FFFD and flagged in
/// `replacedInvalidUTF8` rather than failing; nesting deeper than
/// `maxDepth` is an error (so hostile input cannot exhaust the stack).
public struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0
    /// True when a string held invalid UTF-8 that was replaced.
    public private(set) var replacedInvalidUTF8 = false
    /// Deepest nesting accepted.
    public static let maxDepth = 256

    /// Parses one complete JSON value (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> (JSONValue, replacedInvalidUTF8: Bool) {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.pos < bytes.count { throw JSONParseError(offset: p.pos, reason: "unexpected text after the JSON value") }
        return (v, p.replacedInvalidUTF8)
    }

    /// Parses one complete JSON value from an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let r: Result<JSONValue, JSONParseError> = bytes.withUnsafeBufferPointer { buf in
            do throws(JSONParseError) { return .success(try parse(buf).0) } catch { return .failure(error) }
        }
        return try r.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: pos, reason: reason) }

    private mutating func skipSpace() {
        while pos < bytes.count {
            let b = bytes[pos]
            guard b == 32 || b == 9 || b == 10 || b == 13 else { return }
            pos += 1
        }
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard pos < bytes.count else { throw fail("unexpected end of text (truncated JSON?)") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character '\(Self.show(bytes[pos]))'")
        }
    }

    private static func show(_ b: UInt8) -> String {
        (32..<127).contains(b) ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw fail("unexpected end of text (truncated JSON?)") }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] { throw fail("invalid literal") }
        pos += n
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth)") }
        pos += 1
        var o = JSONObject()
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(o)
        }
        while true {
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end of text inside an object (truncated JSON?)") }
            guard bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let k = try string()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            pos += 1
            skipSpace()
            o.append(k, try value(depth: depth))
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end of text inside an object (truncated JSON?)") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                return .object(o)
            } else {
                throw fail("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth)") }
        pos += 1
        var a: [JSONValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array(a)
        }
        while true {
            skipSpace()
            a.append(try value(depth: depth))
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end of text inside an array (truncated JSON?)") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return .array(a)
            } else {
                throw fail("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func number() throws(JSONParseError) -> JSONValue {
        let start = pos
        var integral = true
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        while pos < bytes.count {
            let b = bytes[pos]
            if b >= 48 && b <= 57 {
                pos += 1
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
                        || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                integral = false
                pos += 1
            } else {
                break
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if integral, let i = Int(text) { return .int(i) }
        guard let d = Double(text), d.isFinite, text.last?.isNumber == true else {
            pos = start
            throw fail("invalid number '\(text.prefix(40))'")
        }
        return .double(d)
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw fail("invalid \\u escape")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }

    private mutating func string() throws(JSONParseError) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<pos])
                pos += 1
                return decode(raw)
            }
            if b == UInt8(ascii: "\\") { break }
            pos += 1
        }
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return out.withUnsafeBufferPointer { decode($0) }
            }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                pos += 1
                continue
            }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), pos + 6 <= bytes.count,
                   bytes[pos] == 92, bytes[pos + 1] == UInt8(ascii: "u") {
                    let save = pos
                    pos += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        pos = save
                    }
                }
                let u = UnicodeScalar(scalar) ?? "\u{FFFD}"
                if UnicodeScalar(scalar) == nil { replacedInvalidUTF8 = true }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                guard let c = Self.simpleEscape(e) else {
                    pos -= 1
                    throw fail("invalid escape '\\\(Self.show(e))'")
                }
                out.append(c)
            }
        }
        throw fail("unterminated string (truncated JSON?)")
    }

    /// The byte a one-letter escape (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`) stands for.
    static func simpleEscape(_ e: UInt8) -> UInt8? {
        switch e {
        case UInt8(ascii: "\""): 34
        case UInt8(ascii: "\\"): 92
        case UInt8(ascii: "/"): 47
        case UInt8(ascii: "b"): 8
        case UInt8(ascii: "f"): 12
        case UInt8(ascii: "n"): 10
        case UInt8(ascii: "r"): 13
        case UInt8(ascii: "t"): 9
        default: nil
        }
    }

    private mutating func decode(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        if let s = String(validating: raw, as: UTF8.self) { return s }
        replacedInvalidUTF8 = true
        return String(decoding: raw, as: UTF8.self)
    }
}
