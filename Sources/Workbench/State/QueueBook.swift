import Core
import Journal

/// Where each message stands, by index, kept in step with the journal so the
/// queue can be ordered and patched without a string or dictionary look-up per message.
///
/// `log` records every index whose status changed after `version` 0, so a
/// ranking computed in the background from an older book can be patched for
/// the decisions made while it ran.
public struct QueueBook: Sendable, Equatable {
    /// Status of a message in the queue.
    public enum Status: UInt8, Sendable {
        case pending = 0
        case skipped = 1
        case labeled = 2
    }

    /// Status per message index.
    public internal(set) var status: [UInt8] = []
    /// Sequence number of each message's effective decision (0 when none): labeled messages show latest first.
    public internal(set) var decidedSeq: [Int32] = []
    /// Label of each labeled message, as an index into `labelNames` (-1: none).
    public internal(set) var labelID: [Int32] = []
    /// Label names seen so far (indexed by `labelID`).
    public internal(set) var labelNames: [String] = []
    /// Messages per status (`pending`, `skipped`, `labeled`).
    public internal(set) var counts: [Int] = [0, 0, 0]
    /// Bumped at every change.
    public internal(set) var version = 0
    /// Indices changed, with the version that changed them, oldest first (trimmed to recent changes).
    var log: [(version: Int, index: Int)] = []

    /// An empty book.
    public init() {}

    /// The book of `journal` over `store`.
    public init(store: MessageStore, journal: JournalState) {
        let n = store.count
        status = Array(repeating: Status.pending.rawValue, count: n)
        decidedSeq = Array(repeating: 0, count: n)
        labelID = Array(repeating: -1, count: n)
        for id in journal.skipped {
            if let i = store.index(ofID: id) { status[i] = Status.skipped.rawValue }
        }
        for (id, d) in journal.decisions {
            if let i = store.index(ofID: id) {
                status[i] = Status.labeled.rawValue
                decidedSeq[i] = Int32(truncatingIfNeeded: d.seq)
                labelID[i] = self.id(of: d.label)
            }
        }
        counts = [0, 0, 0]
        for s in status { counts[Int(s)] += 1 }
    }

    /// The status of message `i`.
    public func status(of i: Int) -> Status { Status(rawValue: status[i]) ?? .pending }

    /// Sets the status of message `i` (and its decision's sequence number and label).
    mutating func set(_ i: Int, _ s: Status, seq: Int = 0, label: String? = nil) {
        guard status.indices.contains(i) else { return }
        counts[Int(status[i])] -= 1
        counts[Int(s.rawValue)] += 1
        status[i] = s.rawValue
        decidedSeq[i] = s == .labeled ? Int32(truncatingIfNeeded: seq) : 0
        if labelID.count == status.count { labelID[i] = s == .labeled ? label.map { id(of: $0) } ?? -1 : -1 }
        version += 1
        log.append((version, i))
        if log.count > 4096 { log.removeFirst(log.count - 2048) }
    }

    /// The label of message `i`, when it is labeled.
    public func label(of i: Int) -> String? {
        guard labelID.indices.contains(i), labelID[i] >= 0 else { return nil }
        return labelNames[Int(labelID[i])]
    }

    /// Every labeled message's index and label (a scan of the book: no look-up by id).
    public func labeledMessages() -> [Int: String] { Self.labeledMessages(labelID: labelID, names: labelNames) }

    /// Every labeled message's index and label, from a book's `labelID` column and `labelNames`
    /// (a background job takes only these, not the whole book).
    public static func labeledMessages(labelID: [Int32], names: [String]) -> [Int: String] {
        var out: [Int: String] = [:]
        for i in 0..<labelID.count where labelID[i] >= 0 && Int(labelID[i]) < names.count { out[i] = names[Int(labelID[i])] }
        return out
    }

    /// The id of a label name, adding it when new.
    private mutating func id(of name: String) -> Int32 {
        if let k = labelNames.firstIndex(of: name) { return Int32(k) }
        labelNames.append(name)
        return Int32(labelNames.count - 1)
    }

    /// Distinct indices changed after `version`, or nil when the log no longer reaches back that far.
    func changes(since v: Int) -> [Int]? {
        if v == version { return [] }
        guard let first = log.first, first.version <= v + 1 else { return nil }
        var seen = Set<Int>()
        var out: [Int] = []
        for e in log where e.version > v && seen.insert(e.index).inserted { out.append(e.index) }
        return out
    }

    /// Where a message of status `s` goes in a queue ordered pending, skipped, labeled (latest first).
    func sectionStart(_ s: Status) -> Int {
        switch s {
        case .pending: 0
        case .skipped: counts[0]
        case .labeled: counts[0] + counts[1]
        }
    }

    public static func == (a: QueueBook, b: QueueBook) -> Bool {
        a.status == b.status && a.decidedSeq == b.decidedSeq && a.version == b.version
    }
}
