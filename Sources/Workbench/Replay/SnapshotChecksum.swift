/// A fast 64-bit checksum of a model snapshot's payload (hundreds of MB, so CRC-32 byte by
/// byte would cost more than reading the file).
///
/// Four independent lanes take 8-byte little-endian words in turn: `lane = rotl((lane ^ word) × P, 31)`,
/// a bijection of the lane for a fixed word, so changing any single word always changes the result.
/// Trailing bytes go into the first lane one by one; the lanes and the length are mixed at the end.
/// It detects damage, not tampering.
struct SnapshotChecksum {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63)
    private var length: UInt64 = 0
    static let prime: UInt64 = 0x0000_0100_0000_01B3 | 0x9E37_79B9_0000_0000

    /// Mixes a buffer into the checksum.
    mutating func combine(_ buffer: UnsafeRawBufferPointer) {
        let n = buffer.count
        guard n > 0, let base = buffer.baseAddress else { return }
        length &+= UInt64(n)
        let p = Self.prime
        var (a, b, c, d) = lanes
        var i = 0
        while i + 32 <= n {
            a = ((a ^ UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* p).rotl31
            b = ((b ^ UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))) &* p).rotl31
            c = ((c ^ UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))) &* p).rotl31
            d = ((d ^ UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))) &* p).rotl31
            i += 32
        }
        while i < n {
            a = ((a ^ UInt64(base.load(fromByteOffset: i, as: UInt8.self))) &* p).rotl31
            i += 1
        }
        lanes = (a, b, c, d)
    }

    /// Mixes a byte array into the checksum.
    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    /// The checksum of everything combined so far.
    var value: UInt64 {
        var h = length
        for l in [lanes.0, lanes.1, lanes.2, lanes.3] {
            h = ((h ^ l) &* Self.prime).rotl31
            h ^= h >> 29
        }
        return h
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate var rotl31: UInt64 { (self << 31) | (self >> 33) }
}
