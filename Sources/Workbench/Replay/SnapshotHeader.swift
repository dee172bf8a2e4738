import Core

/// The fixed 64-byte header of a snapshot file.
struct SnapshotHeader {
    var coverage: ModelSnapshot.Coverage
    var stateBytes: Int
    var tableBytes: Int
    var payloadChecksum: UInt64

    init(coverage: ModelSnapshot.Coverage, stateBytes: Int, tableBytes: Int, payloadChecksum: UInt64) {
        self.coverage = coverage
        self.stateBytes = stateBytes
        self.tableBytes = tableBytes
        self.payloadChecksum = payloadChecksum
    }

    /// The 64 bytes as written.
    var bytes: [UInt8] {
        var out = ModelSnapshot.magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(ModelSnapshot.formatVersion)
        put(UInt32(0))
        put(UInt64(coverage.count))
        put(coverage.lastChecksum)
        put(UInt32(0))
        put(UInt64(stateBytes))
        put(UInt64(tableBytes))
        put(payloadChecksum)
        var sum = SnapshotChecksum()
        sum.combine(out)
        put(sum.value)
        return out
    }

    /// Parses and checks a header read from a file.
    init(_ b: [UInt8]) throws(ModelSnapshot.Rejection) {
        guard Array(b[0..<8]) == ModelSnapshot.magic else { throw .init(reason: "it is not a Dyad model snapshot") }
        func get<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
            b.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: T.self)) }
        }
        let version = get(8, UInt32.self)
        guard version == ModelSnapshot.formatVersion else {
            throw .init(reason: "it has format version \(version); this Dyad reads version \(ModelSnapshot.formatVersion)")
        }
        var sum = SnapshotChecksum()
        sum.combine(Array(b[0..<56]))
        guard sum.value == get(56, UInt64.self) else { throw .init(reason: "its header checksum does not match (the file is damaged)") }
        let count = get(16, UInt64.self), state = get(32, UInt64.self), table = get(40, UInt64.self)
        guard count > 0, count < 1 << 40, state < 1 << 40, table < 1 << 40 else {
            throw .init(reason: "its header holds implausible sizes")
        }
        coverage = ModelSnapshot.Coverage(count: Int(count), lastChecksum: get(24, UInt32.self))
        stateBytes = Int(state)
        tableBytes = Int(table)
        payloadChecksum = get(48, UInt64.self)
    }
}
