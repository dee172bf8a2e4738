/// A parsed JSON value. Objects keep their keys in file order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer, if this is an integer (or a double with an integral value).
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }

    /// The number as a double, if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The object, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Scalars as plain strings, other values as compact JSON text (for flattening metadata).
    public var flatString: String {
        switch self {
        case .string(let s): return s
        case .null: return ""
        default:
            var out: [UInt8] = []
            JSONWriter.write(self, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// A JSON object: key/value pairs in file order (the first of duplicate keys wins on lookup).
public struct JSONObject: Sendable, Equatable {
    /// The members in order.
    public var pairs: [(key: String, value: JSONValue)]

    /// Creates an object from ordered pairs.
    public init(_ pairs: [(key: String, value: JSONValue)] = []) { self.pairs = pairs }

    /// The value for a key, or nil.
    public subscript(key: String) -> JSONValue? {
        for p in pairs where p.key == key { return p.value }
        return nil
    }

    /// Appends a member.
    public mutating func append(_ key: String, _ value: JSONValue) { pairs.append((key, value)) }

    /// Compares member lists in order.
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
