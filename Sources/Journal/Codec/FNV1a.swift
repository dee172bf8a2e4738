/// FNV-1a 64-bit hashing, used for content-derived message ids and the messages-file hash.
public struct FNV1a: Sendable {
    /// The running hash value.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Creates a hasher at the FNV offset basis.
    public init() {}

    /// Mixes bytes into the hash.
    public mutating func combine(_ buffer: UnsafeBufferPointer<UInt8>) {
        var h = value
        for b in buffer {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        value = h
    }

    /// Mixes bytes into the hash.
    public mutating func combine<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        value = h
    }

    /// The hash as 16 lower-case hex digits.
    public var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// A short id (12 hex digits) derived from a text's UTF-8 bytes.
    public static func shortID(_ text: String) -> String {
        var text = text
        return text.withUTF8 { shortID(bytes: $0) }
    }

    /// A short id (12 hex digits) derived from a text's UTF-8 bytes, given as bytes.
    static func shortID(bytes: UnsafeBufferPointer<UInt8>) -> String {
        var h = FNV1a()
        h.combine(bytes)
        return String(h.hex.prefix(12))
    }
}
