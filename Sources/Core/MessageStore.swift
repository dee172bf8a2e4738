/// A compact, append-only store of messages.
///
/// Texts and ids live in two contiguous UTF-8 buffers with offsets, so a
/// million messages cost their bytes plus a few integers each rather than
/// several heap objects each. Optional fields are kept sparsely.
public struct MessageStore: Sendable {
    private var textBytes: [UInt8] = []
    private var textEnds: [Int] = []
    private var idBytes: [UInt8] = []
    private var idEnds: [Int] = []
    private var goldIndex: [Int32] = []
    /// Distinct gold labels in order of first appearance.
    public private(set) var goldLabels: [String] = []
    private var goldLookup: [String: Int32] = [:]
    private var extras: [Int: Extras] = [:]
    private var indexByID: [String: Int] = [:]

    struct Extras: Sendable {
        var ts: String?
        var source: String?
        var meta: [String: String]
    }

    /// Creates an empty store.
    public init() {}

    /// Number of messages.
    public var count: Int { textEnds.count }

    /// Total bytes of text held (for memory reports).
    public var textByteCount: Int { textBytes.count }

    /// Appends a message; returns its index. A duplicate id is still stored
    /// (the importer reports duplicates), but `index(ofID:)` finds the first.
    @discardableResult
    public mutating func append(_ m: Message) -> Int {
        let i = count
        textBytes.append(contentsOf: m.text.utf8)
        textEnds.append(textBytes.count)
        idBytes.append(contentsOf: m.id.utf8)
        idEnds.append(idBytes.count)
        if let g = m.gold {
            if let gi = goldLookup[g] {
                goldIndex.append(gi)
            } else {
                let gi = Int32(goldLabels.count)
                goldLabels.append(g)
                goldLookup[g] = gi
                goldIndex.append(gi)
            }
        } else {
            goldIndex.append(-1)
        }
        if m.ts != nil || m.source != nil || !m.meta.isEmpty {
            extras[i] = Extras(ts: m.ts, source: m.source, meta: m.meta)
        }
        if indexByID[m.id] == nil { indexByID[m.id] = i }
        return i
    }

    /// Reserves room for `n` messages of about `bytesEach` bytes.
    public mutating func reserve(_ n: Int, bytesEach: Int = 200) {
        textEnds.reserveCapacity(n)
        idEnds.reserveCapacity(n)
        goldIndex.reserveCapacity(n)
        textBytes.reserveCapacity(n * bytesEach)
        idBytes.reserveCapacity(n * 12)
    }

    /// The text of message `i`.
    public func text(_ i: Int) -> String {
        let start = i == 0 ? 0 : textEnds[i - 1]
        return textBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<textEnds[i]]), as: UTF8.self)
        }
    }

    /// Calls `body` with the raw UTF-8 bytes of message `i`, without copying.
    public func withTextBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : textEnds[i - 1]
        return try textBytes.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[start..<textEnds[i]]))
        }
    }

    /// The id of message `i`.
    public func id(_ i: Int) -> String {
        let start = i == 0 ? 0 : idEnds[i - 1]
        return idBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<idEnds[i]]), as: UTF8.self)
        }
    }

    /// The gold label of message `i`, if any.
    public func gold(_ i: Int) -> String? {
        let g = goldIndex[i]
        return g < 0 ? nil : goldLabels[Int(g)]
    }

    /// The index of the first message with this id.
    public func index(ofID id: String) -> Int? { indexByID[id] }

    /// The whole message `i`, reassembled.
    public subscript(i: Int) -> Message {
        let e = extras[i]
        return Message(id: id(i), text: text(i), gold: gold(i), ts: e?.ts, source: e?.source, meta: e?.meta ?? [:])
    }

    /// The time stamp of message `i`, if any.
    public func ts(_ i: Int) -> String? { extras[i]?.ts }

    /// The source of message `i`, if any.
    public func source(_ i: Int) -> String? { extras[i]?.source }
}
