import Core
import Engine
import Foundation

/// The feature arena kept in the workspace (`arena.bin`), so that the first full
/// ranking of a large queue after a restart reads every message's features back
/// instead of tokenizing them all again (about 15 s at a million messages).
///
/// The file is derived state, like the model snapshot: it is written after the
/// worker builds the arena, replaced when suppressions change, and thrown away —
/// never trusted — when anything it was built from differs. Its key holds a
/// checksum of the messages (texts and ids), of the featurizer configuration and
/// of the suppressed terms; on reading, a sample of messages is featurized again
/// and compared with what the file holds, so a change in how Dyad featurizes
/// text is caught even when the key matches. The payload has its own checksum.
///
/// Layout (little-endian): 8-byte magic, version, the key (count and three
/// checksums), the part sizes, the payload checksum, a header checksum; then
/// each chunk's deltas, starts, counts and scales; then the word n-gram table.
enum ArenaFile {
    static let magic = Array("DYADARN1".utf8)
    static let formatVersion: UInt32 = 1
    /// Below this many messages the arena is built in well under a second: no file.
    static let minimumMessages = 50_000
    /// Messages featurized again to check a file against the current featurizer.
    static let sampleSize = 32

    /// What an arena was built from.
    struct Key: Equatable {
        var count: Int
        var messages: UInt64
        var featurizer: UInt64
        var suppressed: UInt64
    }

    /// Why a file was not used.
    struct Rejection: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// The file's place in a workspace.
    static func url(in workspace: URL) -> URL { workspace.appendingPathComponent("arena.bin") }

    /// The key of `store` featurized by `model`.
    static func key(store: MessageStore, model: Classifier) -> Key {
        key(store: store, messages: messagesChecksum(store), config: model.config, suppressed: model.suppressedTermList)
    }

    /// The checksum of `store`'s texts and ids (a pass over every byte: callers that need it
    /// twice keep it).
    static func messagesChecksum(_ store: MessageStore) -> UInt64 {
        var messages = SnapshotChecksum()
        store.withContents { parts in for p in parts { messages.combine(p) } }
        return messages.value
    }

    /// The key of `store`, whose `messagesChecksum` is `messages`, featurized under `config`
    /// with the `suppressed` terms (sorted).
    static func key(store: MessageStore, messages: UInt64, config: EngineConfig, suppressed terms: [String]) -> Key {
        var featurizer = SnapshotChecksum()
        featurizer.combine(Array(String(describing: config).utf8))
        var suppressed = SnapshotChecksum()
        suppressed.combine(Array(terms.joined(separator: "\n").utf8))
        return Key(count: store.count, messages: messages, featurizer: featurizer.value, suppressed: suppressed.value)
    }

    // MARK: Writing

    /// Writes `arena` for `key` to `url` atomically (a temporary file, then a rename).
    static func write(chunks: [FeatureArena.Chunk], gramStarts: [UInt32], gramSlots: [UInt32], key: Key, to url: URL) throws {
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".arena.bin.tmp")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Rejection(reason: "cannot create \(tmp.path): \(String(cString: strerror(errno)))") }
        var closed = false, renamed = false
        defer {
            if !closed { close(fd) }
            // A failed write leaves no partial file behind (the old arena.bin, if any, stays).
            if !renamed { unlink(tmp.path) }
        }
        // Sizes first, so the reader can allocate each part before reading it.
        var sizes: [UInt64] = [UInt64(chunks.count), UInt64(gramStarts.count), UInt64(gramSlots.count)]
        for c in chunks { sizes += [UInt64(c.data.count), UInt64(c.starts.count), UInt64(c.counts.count), UInt64(c.scales.count)] }
        // The payload in file order: the sizes, each chunk's parts, the word table.
        func forEachPart(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            try sizes.withUnsafeBytes(body)
            for c in chunks {
                try c.data.withUnsafeBytes(body)
                try c.starts.withUnsafeBytes(body)
                try c.counts.withUnsafeBytes(body)
                try c.scales.withUnsafeBytes(body)
            }
            try gramStarts.withUnsafeBytes(body)
            try gramSlots.withUnsafeBytes(body)
        }
        // The payload checksum (in the header) covers every part, in file order.
        var sum = SnapshotChecksum()
        forEachPart { sum.combine($0) }
        try header(key: key, sizeCount: sizes.count, payload: sum.value).withUnsafeBytes { try writeAll(fd, $0, tmp) }
        try forEachPart { try writeAll(fd, $0, tmp) }
        closed = true
        guard close(fd) == 0 else { throw Rejection(reason: "cannot close \(tmp.path): \(String(cString: strerror(errno)))") }
        guard rename(tmp.path, url.path) == 0 else {
            throw Rejection(reason: "cannot rename \(tmp.path) to \(url.path): \(String(cString: strerror(errno)))")
        }
        renamed = true
    }

    static func header(key: Key, sizeCount: Int, payload: UInt64) -> [UInt8] {
        var out = magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(formatVersion)
        put(UInt32(0))
        put(UInt64(key.count))
        put(key.messages)
        put(key.featurizer)
        put(key.suppressed)
        put(UInt64(sizeCount))
        put(payload)
        var sum = SnapshotChecksum()
        sum.combine(out)
        put(sum.value)
        return out
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, _ url: URL) throws {
        guard RawFile.writeAll(fd, buffer) else { throw Rejection(reason: "cannot write \(url.path): \(String(cString: strerror(errno)))") }
    }

    // MARK: Reading

    static let headerSize = 72

    /// Reads the arena for `key` from `url` into `arena` (as `model`'s feature generation).
    /// Throws a rejection, and leaves `arena` alone, when the file is missing, damaged,
    /// built from something else, or disagrees with featurizing a sample of `store` again.
    static func read(from url: URL, key: Key, store: MessageStore, model: Classifier, into arena: FeatureArena) throws(Rejection) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Rejection(reason: "there is no \(url.lastPathComponent)") }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: headerSize)
        try readAll(fd, &head, url)
        guard Array(head[0..<8]) == magic else { throw Rejection(reason: "it is not a Dyad feature arena") }
        func get(_ at: Int) -> UInt64 { head.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) } }
        let version = head.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) }
        guard version == formatVersion else { throw Rejection(reason: "it has format version \(version), not \(formatVersion)") }
        var hsum = SnapshotChecksum()
        hsum.combine(Array(head[0..<64]))
        guard hsum.value == get(64) else { throw Rejection(reason: "its header is damaged") }
        let found = Key(count: Int(get(16)), messages: get(24), featurizer: get(32), suppressed: get(40))
        guard found == key else {
            let what = found.count != key.count || found.messages != key.messages ? "other messages"
                : found.featurizer != key.featurizer ? "another featurizer configuration" : "other suppressed terms"
            throw Rejection(reason: "it was built from \(what)")
        }
        let sizeCount = Int(get(48)), payload = get(56)
        guard sizeCount >= 3, sizeCount < 1 << 28 else { throw Rejection(reason: "its header holds implausible sizes") }
        var sizes = [UInt64](repeating: 0, count: sizeCount)
        try readAll(fd, &sizes, url)
        let chunkCount = Int(sizes[0])
        guard chunkCount == (key.count + FeatureArena.chunkSize - 1) / FeatureArena.chunkSize, sizeCount == 3 + 4 * chunkCount,
              sizes.allSatisfy({ $0 < 1 << 34 }) else { throw Rejection(reason: "its sizes do not fit \(key.count) messages") }
        var sum = SnapshotChecksum()
        sizes.withUnsafeBytes { sum.combine($0) }
        var chunks: [FeatureArena.Chunk] = []
        chunks.reserveCapacity(chunkCount)
        for c in 0..<chunkCount {
            let chunk = FeatureArena.Chunk()
            let s = 3 + 4 * c
            let messages = min(FeatureArena.chunkSize, key.count - c * FeatureArena.chunkSize)
            guard sizes[s + 1] == UInt64(messages + 1), sizes[s + 2] == UInt64(messages), sizes[s + 3] == UInt64(messages) else {
                throw Rejection(reason: "chunk \(c) does not hold its \(messages) messages")
            }
            chunk.data = try readArray(fd, Int(sizes[s]), UInt16.self, url, &sum)
            chunk.starts = try readArray(fd, Int(sizes[s + 1]), UInt32.self, url, &sum)
            chunk.counts = try readArray(fd, Int(sizes[s + 2]), SIMD2<UInt32>.self, url, &sum)
            chunk.scales = try readArray(fd, Int(sizes[s + 3]), SIMD2<Float>.self, url, &sum)
            guard chunk.starts.last.map(Int.init) == chunk.data.count else { throw Rejection(reason: "chunk \(c) is inconsistent") }
            chunks.append(chunk)
        }
        let gramStarts = try readArray(fd, Int(sizes[1]), UInt32.self, url, &sum)
        let gramSlots = try readArray(fd, Int(sizes[2]), UInt32.self, url, &sum)
        guard sum.value == payload else { throw Rejection(reason: "its payload checksum does not match (the file is damaged)") }
        guard gramStarts.first == 0, gramStarts.last.map(Int.init) == gramSlots.count else {
            throw Rejection(reason: "its word table is inconsistent")
        }
        let candidate = FeatureArena(count: key.count)
        candidate.restore(chunks: chunks, gramStarts: gramStarts, gramSlots: gramSlots, generation: model.featureGeneration)
        if let i = firstMismatch(candidate, store: store, model: model) {
            throw Rejection(reason: "message \(i) featurizes differently now (Dyad's featurizer changed)")
        }
        arena.restore(chunks: chunks, gramStarts: gramStarts, gramSlots: gramSlots, generation: model.featureGeneration)
    }

    /// The first of `sampleSize` evenly spread messages whose stored features differ from a
    /// fresh split: word slots, overlaps, scales and each word's character n-grams.
    static func firstMismatch(_ arena: FeatureArena, store: MessageStore, model: Classifier) -> Int? {
        let n = store.count
        guard n > 0 else { return nil }
        var buffer: [UInt32] = []
        for k in 0..<min(n, sampleSize) {
            let i = k * n / min(n, sampleSize)
            let words = WordGrams()
            let split = model.splitFeatures(store.text(i), words: words)
            let (counts, total, scales) = arena.decode(i, into: &buffer)
            let a = Int(counts.x), b = Int(counts.x + counts.y)
            guard scales == SIMD2(split.wordScale, split.charScale),
                  Array(buffer[0..<a]) == split.wordSlots.sorted(),
                  Array(buffer[b..<total]) == split.overlaps.sorted(),
                  b - a == split.wordIDs.count else { return i }
            func grams(_ starts: [UInt32], _ slots: [UInt32], _ w: Int) -> [UInt32] {
                Array(slots[Int(starts[w])..<Int(starts[w + 1])]).sorted()
            }
            let stored = buffer[a..<b].map { grams(arena.gramStarts, arena.gramSlots, Int($0)) }
            let fresh = split.wordIDs.map { grams(words.starts, words.slots, Int($0)) }
            guard stored.sorted(by: { $0.lexicographicallyPrecedes($1) }) == fresh.sorted(by: { $0.lexicographicallyPrecedes($1) }) else {
                return i
            }
        }
        return nil
    }

    static func readAll<T>(_ fd: Int32, _ array: inout [T], _ url: URL) throws(Rejection) {
        guard array.withUnsafeMutableBytes({ RawFile.readAll(fd, $0) }) else { throw Rejection(reason: "it ends early (the file is truncated)") }
    }

    static func readArray<T>(_ fd: Int32, _ count: Int, _: T.Type, _ url: URL, _ sum: inout SnapshotChecksum) throws(Rejection) -> [T] {
        var out = [T](unsafeUninitializedCapacity: count) { _, n in n = count }
        try readAll(fd, &out, url)
        out.withUnsafeBytes { sum.combine($0) }
        return out
    }
}
