/// Typed access to the members of a JSON object, with errors that name the field.
struct FieldReader {
    let object: JSONObject
    /// Context for messages, e.g. the event type.
    let context: String

    func fail(_ key: String, _ what: String) -> JournalError {
        JournalError.badRecord(line: 0, reason: "\(context): field '\(key)' \(what)")
    }

    func has(_ key: String) -> Bool {
        if let v = object[key], v != .null { return true }
        return false
    }

    func string(_ key: String) throws(JournalError) -> String {
        guard let v = object[key], v != .null else { throw fail(key, "is missing") }
        guard let s = v.stringValue else { throw fail(key, "is \(v.typeName), expected a string") }
        return s
    }

    func optString(_ key: String) throws(JournalError) -> String? {
        has(key) ? try string(key) : nil
    }

    func int(_ key: String) throws(JournalError) -> Int {
        guard let v = object[key], v != .null else { throw fail(key, "is missing") }
        guard let i = v.intValue else { throw fail(key, "is \(v.typeName), expected an integer") }
        return i
    }

    func optInt(_ key: String) throws(JournalError) -> Int? {
        has(key) ? try int(key) : nil
    }

    func double(_ key: String) throws(JournalError) -> Double {
        guard let v = object[key], v != .null else { throw fail(key, "is missing") }
        guard let d = v.doubleValue else { throw fail(key, "is \(v.typeName), expected a number") }
        return d
    }

    func optDouble(_ key: String) throws(JournalError) -> Double? {
        has(key) ? try double(key) : nil
    }

    func strings(_ key: String) throws(JournalError) -> [String] {
        guard let v = object[key], v != .null else { return [] }
        guard case .array(let a) = v else { throw fail(key, "is \(v.typeName), expected an array of strings") }
        var out: [String] = []
        out.reserveCapacity(a.count)
        for e in a {
            guard let s = e.stringValue else { throw fail(key, "holds \(e.typeName), expected strings") }
            out.append(s)
        }
        return out
    }

    func intMap(_ key: String) throws(JournalError) -> [String: Int] {
        try map(key, "integers") { $0.intValue }
    }

    func doubleMap(_ key: String) throws(JournalError) -> [String: Double] {
        try map(key, "numbers") { $0.doubleValue }
    }

    /// An object of `T` values (`expected` names them in the error); missing or null: empty.
    private func map<T>(_ key: String, _ expected: String, _ value: (JSONValue) -> T?) throws(JournalError) -> [String: T] {
        guard let v = object[key], v != .null else { return [:] }
        guard case .object(let o) = v else { throw fail(key, "is \(v.typeName), expected an object") }
        var out: [String: T] = [:]
        for p in o.pairs {
            guard let x = value(p.value) else { throw fail(key, "holds \(p.value.typeName), expected \(expected)") }
            out[p.key] = x
        }
        return out
    }

    func enumValue<E: RawRepresentable>(_ key: String, _ type: E.Type) throws(JournalError) -> E where E.RawValue == String {
        let s = try string(key)
        guard let e = E(rawValue: s) else { throw fail(key, "has unknown value '\(s)'") }
        return e
    }

    func optEnum<E: RawRepresentable>(_ key: String, _ type: E.Type) throws(JournalError) -> E? where E.RawValue == String {
        has(key) ? try enumValue(key, type) : nil
    }
}
