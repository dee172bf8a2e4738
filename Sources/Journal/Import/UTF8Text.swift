#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding of raw bytes to text, replacing invalid UTF-8.
enum UTF8Text {
    /// The text of `bytes` and whether invalid UTF-8 was replaced with U+FFFD.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, replaced: Bool) {
        if let s = String(validating: bytes, as: UTF8.self) { return (s, false) }
        return (String(decoding: bytes, as: UTF8.self), true)
    }

    /// The text of `bytes` and whether invalid UTF-8 was replaced.
    static func decode(_ bytes: [UInt8]) -> (String, replaced: Bool) {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// True when the bytes contain a NUL (binary data, not text).
    static func hasNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, 0, bytes.count) != nil
    }
}
