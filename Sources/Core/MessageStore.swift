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
    private var idIndex = IDIndex()
    /// Bytes every stored id starts with (the longest common prefix so far).
    private var sharedIDPrefix = 0

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

    /// Calls `body` with the store's texts and ids as raw bytes, each followed by its
    /// end offsets: what the messages are, without copying (for content checksums).
    public func withContents<R>(_ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        try textBytes.withUnsafeBytes { t in
            try textEnds.withUnsafeBytes { te in
                try idBytes.withUnsafeBytes { i in
                    try idEnds.withUnsafeBytes { ie in try body([t, te, i, ie]) }
                }
            }
        }
    }

    /// Appends a message; returns its index. A duplicate id is still stored
    /// (the importer reports duplicates), but `index(ofID:)` finds the first.
    @discardableResult
    public mutating func append(_ m: Message) -> Int {
        let i = count
        textBytes.append(contentsOf: m.text.utf8)
        textEnds.append(textBytes.count)
        idBytes.append(contentsOf: m.id.utf8)
        idEnds.append(idBytes.count)
        appendGold(m.gold)
        if m.ts != nil || m.source != nil || !m.meta.isEmpty {
            extras[i] = Extras(ts: m.ts, source: m.source, meta: m.meta)
        }
        insertID(i)
        noteIDPrefix(i)
        return i
    }

    /// Appends a message given as its id, the UTF-8 bytes of its text (valid UTF-8) and its gold
    /// label, without extras and without building a `String` for the text — unless a message with
    /// this id is stored already: then nothing is stored and the result is nil.
    public mutating func appendNew(id: String, text: UnsafeBufferPointer<UInt8>, gold: String?) -> Int? {
        let i = count
        idBytes.append(contentsOf: id.utf8)
        idEnds.append(idBytes.count)
        guard insertID(i) == nil else {
            idBytes.removeLast(id.utf8.count)
            idEnds.removeLast()
            return nil
        }
        textBytes.append(contentsOf: text)
        textEnds.append(textBytes.count)
        appendGold(gold)
        noteIDPrefix(i)
        return i
    }

    /// Shortens the shared id prefix to what message `i`'s id (just appended) has in common with it.
    private mutating func noteIDPrefix(_ i: Int) {
        guard i > 0 else {
            sharedIDPrefix = idEnds[0]
            return
        }
        let start = idEnds[i - 1], length = idEnds[i] - start
        var k = 0
        idBytes.withUnsafeBufferPointer { b in
            while k < sharedIDPrefix, k < length, b[k] == b[start + k] { k += 1 }
        }
        sharedIDPrefix = k
    }

    /// Indexes the id of message `i` (just appended) unless an earlier message has it; returns that one.
    @discardableResult
    private mutating func insertID(_ i: Int) -> Int? {
        let ends = idEnds
        return idBytes.withUnsafeBufferPointer { all in
            let ids = { (k: Int) in Self.idBytes(k, all, ends) }
            return idIndex.insert(ids(i), index: i, ids: ids)
        }
    }

    /// The id bytes of message `k`, given all id bytes and their end offsets.
    @inline(__always)
    private static func idBytes(_ k: Int, _ all: UnsafeBufferPointer<UInt8>, _ ends: [Int]) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[(k == 0 ? 0 : ends[k - 1])..<ends[k]])
    }

    private mutating func appendGold(_ gold: String?) {
        guard let g = gold else {
            goldIndex.append(-1)
            return
        }
        if let gi = goldLookup[g] {
            goldIndex.append(gi)
        } else {
            let gi = Int32(goldLabels.count)
            goldLabels.append(g)
            goldLookup[g] = gi
            goldIndex.append(gi)
        }
    }

    /// Reserves room for `n` messages of about `bytesEach` bytes.
    public mutating func reserve(_ n: Int, bytesEach: Int = 200) {
        textEnds.reserveCapacity(n)
        idEnds.reserveCapacity(n)
        goldIndex.reserveCapacity(n)
        textBytes.reserveCapacity(n * bytesEach)
        idBytes.reserveCapacity(n * 12)
        idIndex.reserve(n)
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

    /// Calls `body` with the raw UTF-8 bytes of message `i`'s id, without copying.
    public func withIDBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : idEnds[i - 1]
        return try idBytes.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[start..<idEnds[i]]))
        }
    }

    /// The id of message `i`.
    public func id(_ i: Int) -> String {
        let start = i == 0 ? 0 : idEnds[i - 1]
        return idBytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<idEnds[i]]), as: UTF8.self)
        }
    }

    /// The id of message `i` as lists and status lines show it: when every id starts with the
    /// same 6 or more characters (`relationship--…`, a feed's URL), those are left out and an
    /// ellipsis stands for them; otherwise the whole id. Search still finds the shown part.
    public func displayID(_ i: Int) -> String {
        let start = i == 0 ? 0 : idEnds[i - 1]
        return idBytes.withUnsafeBufferPointer { b in
            var cut = sharedIDPrefix
            // Back off to a character boundary (never inside a multi-byte sequence).
            while cut > 0, cut < idEnds[i] - start, b[start + cut] & 0xC0 == 0x80 { cut -= 1 }
            let whole = UnsafeBufferPointer(rebasing: b[start..<idEnds[i]])
            guard count > 1, cut >= 6, cut < whole.count else { return String(decoding: whole, as: UTF8.self) }
            return "…" + String(decoding: UnsafeBufferPointer(rebasing: b[(start + cut)..<idEnds[i]]), as: UTF8.self)
        }
    }

    /// The gold label of message `i`, if any.
    public func gold(_ i: Int) -> String? {
        let g = goldIndex[i]
        return g < 0 ? nil : goldLabels[Int(g)]
    }

    /// The index of the first message with this id.
    public func index(ofID id: String) -> Int? {
        var id = id
        return id.withUTF8 { key in
            idBytes.withUnsafeBufferPointer { all in
                idIndex.find(key) { k in Self.idBytes(k, all, idEnds) }
            }
        }
    }

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
