import Core
import Journal

extension Reducer {
    /// Bulk labels up to this size update the book message by message; larger ones re-derive it.
    static let smallBulk = 64

    /// Keeps `s.book` and the queue's sections in step with a record just folded into `s.journal`.
    ///
    /// A single decision or skip moves one message to the head of its section
    /// (O(1) in `QueueRows`, no sort); anything touching many messages re-derives
    /// the book and re-partitions the queue, keeping the order within each section.
    static func updateBook(_ s: inout AppState, _ r: JournalRecord) {
        guard s.book.status.count == s.store.count else {
            s.book = QueueBook(store: s.store, journal: s.journal)
            return
        }
        switch r.event {
        case .label(let d):
            guard let i = s.store.index(ofID: d.messageID) else { return }
            markLabeled(&s, i, seq: r.seq, label: d.label)
        case .skip(let id, _, _):
            guard let i = s.store.index(ofID: id), s.book.status(of: i) != .labeled else { return }
            QueueFocus.tally(&s, [i]) { $0.book.set(i, .skipped) }
            relocate(&s, i)
        case .bulkLabel(let b) where b.messageIDs.count <= smallBulk:
            // A page: like that many single decisions (a pass over every message costs more).
            for id in b.messageIDs {
                guard let i = s.store.index(ofID: id), let d = s.journal.decisions[id], d.seq == r.seq else { continue }
                markLabeled(&s, i, seq: r.seq, label: d.label)
            }
        case .bulkLabel, .undo, .labelRenamed, .labelRetired:
            resyncBook(&s)
        default:
            break
        }
    }

    /// Records message `i` as labeled by record `seq` and puts it at the head of the labeled
    /// section, keeping the focus count exact.
    static func markLabeled(_ s: inout AppState, _ i: Int, seq: Int, label: String) {
        QueueFocus.tally(&s, [i]) { $0.book.set(i, .labeled, seq: seq, label: label) }
        relocate(&s, i)
    }

    /// Re-derives the book from the journal and re-partitions the queue; changed messages go to the head of their section.
    static func resyncBook(_ s: inout AppState) {
        let fresh = QueueBook(store: s.store, journal: s.journal)
        var changed: [Int] = []
        if s.book.status.count == fresh.status.count {
            for i in 0..<fresh.status.count where fresh.status[i] != s.book.status[i] || fresh.decidedSeq[i] != s.book.decidedSeq[i]
                || (fresh.status[i] == QueueBook.Status.labeled.rawValue && fresh.label(of: i) != s.book.label(of: i)) {
                changed.append(i)
            }
        }
        var book = s.book
        if book.status.count != fresh.status.count { book = fresh } else {
            for i in changed { book.set(i, fresh.status(of: i), seq: Int(fresh.decidedSeq[i]), label: fresh.label(of: i)) }
        }
        s.book = book
        partition(&s, first: changed)
        recountFocus(&s)
    }

    /// Orders the queue pending, skipped, labeled, keeping the current order within the pending
    /// and skipped sections except that messages in `first` lead them; labeled ones latest first.
    static func partition(_ s: inout AppState, first: [Int]) {
        let n = s.store.count
        guard s.queue.count == n else { return }
        var sections = [[Int]](repeating: [], count: 3)
        var isLead = [Bool](repeating: false, count: first.isEmpty ? 0 : n)
        for i in first where i < n && !isLead[i] {
            isLead[i] = true
            sections[Int(s.book.status[i])].append(i)
        }
        for i in s.queue where isLead.isEmpty || !isLead[i] { sections[Int(s.book.status[i])].append(i) }
        // Labeled latest first, always: an undone relabel brings back an older decision, whose
        // place is further down, not at the head.
        let seq = s.book.decidedSeq
        sections[2].sort { seq[$0] != seq[$1] ? seq[$0] > seq[$1] : $0 < $1 }
        s.queue = QueueRows(pending: sections[0], skipped: sections[1], labeled: sections[2], count: n)
    }

    /// Moves message `i` to the head of the section its status belongs to.
    static func relocate(_ s: inout AppState, _ i: Int) {
        guard s.queue.count == s.store.count, i < s.store.count,
              let section = QueueRows.Section(rawValue: Int(s.book.status[i])) else { return }
        s.queue.moveToHead(i, of: section)
    }
}
