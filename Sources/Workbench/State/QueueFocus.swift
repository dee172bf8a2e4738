/// Narrowing triage to the pending messages the model gives one label (`f`), to those whose
/// text contains a phrase (`l`, as mutt's limit), or both — to confirm or correct a class, or
/// everything that mentions a tool or a campaign, in one run (`f` / `l` again clears).
///
/// The focus is a view over the queue, not a second queue: the queue keeps its order
/// and sections, the cursor stays a queue row, and moves, the queue pane and the
/// head after a decision skip the rows outside the focus. The row under the cursor
/// always shows (a search or `T` may land outside the focus).
public enum QueueFocus {
    /// What a message must be to be in focus (besides pending).
    struct Filter {
        /// The model's top label it must have (its index in the model's list); nil: any.
        /// `Int32.min` when the focused label is one the model no longer has: none holds.
        var label: Int32?
        /// Per message, whether its text contains the limit's phrase; nil: no limit.
        var matches: [Bool]?
    }

    /// The focus in force, or nil when triage shows the whole queue.
    static func filter(_ s: AppState) -> Filter? {
        guard s.focus != nil || s.limit != nil else { return nil }
        var label: Int32?
        if let f = s.focus { label = s.model.labels.firstIndex(of: f).map { Int32($0) } ?? Int32.min }
        return Filter(label: label, matches: s.limit?.matches)
    }

    /// True when some focus narrows triage.
    static func active(_ s: AppState) -> Bool { s.focus != nil || s.limit != nil }

    /// The focused label's index in the model's label list (nil: no label focus, or a label
    /// the model no longer has).
    static func labelIndex(_ s: AppState) -> Int32? {
        guard let f = s.focus, let k = s.model.labels.firstIndex(of: f) else { return nil }
        return Int32(k)
    }

    /// True when message `i` is pending and passes `filter`.
    @inline(__always)
    static func holds(_ s: AppState, message i: Int, _ filter: Filter) -> Bool {
        guard i < s.scores.count, i < s.book.status.count, s.book.status[i] == QueueBook.Status.pending.rawValue else { return false }
        if let l = filter.label, s.scores[i].top != l { return false }
        if let m = filter.matches, !(i < m.count && m[i]) { return false }
        return true
    }

    /// True when queue row `row` shows under `filter` (nil: no focus in force): the cursor's
    /// row, and the rows in focus.
    @inline(__always)
    static func shows(_ s: AppState, row: Int, _ filter: Filter?) -> Bool {
        row == s.cursor || (filter.map { row < s.queue.count && holds(s, message: s.queue[row], $0) } ?? false)
    }

    /// The nearest row in focus after (`forward`) or before `row`, or nil when there is none.
    /// Only the pending section (the first rows) is searched.
    static func next(_ s: AppState, after row: Int, forward: Bool) -> Int? {
        guard let f = filter(s) else { return nil }
        let end = s.queue.count(of: .pending)
        var r = forward ? max(row + 1, 0) : min(row - 1, end - 1)
        while r >= 0 && r < end {
            if holds(s, message: s.queue[r], f) { return r }
            r += forward ? 1 : -1
        }
        return nil
    }

    /// The row `delta` rows in focus from the cursor (stopping at the first or last in focus);
    /// the cursor's own row when none is in that direction.
    static func step(_ s: AppState, by delta: Int) -> Int {
        guard delta != 0 else { return s.cursor }
        if delta.magnitude >= UInt(s.queue.count) {
            // To the first or the last row in focus.
            let edge = delta < 0 ? next(s, after: -1, forward: true) : next(s, after: s.queue.count(of: .pending), forward: false)
            return edge ?? s.cursor
        }
        var row = s.cursor
        for _ in 0..<delta.magnitude {
            guard let n = next(s, after: row, forward: delta > 0) else { break }
            row = n
        }
        return row
    }

    /// The first row in focus (the row a decision moves on to); 0 without a focus or a match.
    static func head(_ s: AppState) -> Int {
        guard active(s) else { return 0 }
        return next(s, after: -1, forward: true) ?? 0
    }

    /// Pending messages in focus, counted over every message (0 without a focus).
    static func count(_ s: AppState) -> Int {
        guard let f = filter(s) else { return 0 }
        guard let l = f.label else { return pendingMatches(s) }
        guard l != Int32.min else { return 0 }
        return pendingPerLabel(s)[Int(l)]
    }

    /// Pending messages per model label (by name), for the focus picker: within the limit, if one is set.
    static func countsByLabel(_ s: AppState) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(s.model.labels, pendingPerLabel(s)))
    }

    /// Pending messages per model label, by the label's index in the model's list, within the
    /// limit if one is set (one pass over every message).
    static func pendingPerLabel(_ s: AppState) -> [Int] {
        var per = [Int](repeating: 0, count: s.model.labels.count)
        let limit = s.limit?.matches
        s.book.status.withUnsafeBufferPointer { st in
            s.scores.withUnsafeBufferPointer { sc in
                for i in 0..<min(st.count, sc.count) where st[i] == QueueBook.Status.pending.rawValue {
                    if let m = limit, !(i < m.count && m[i]) { continue }
                    let t = Int(sc[i].top)
                    if t >= 0 && t < per.count { per[t] += 1 }
                }
            }
        }
        return per
    }

    /// Pending messages within the limit, whatever the model says of them.
    static func pendingMatches(_ s: AppState) -> Int {
        guard let m = s.limit?.matches else { return 0 }
        var n = 0
        s.book.status.withUnsafeBufferPointer { st in
            for i in 0..<min(st.count, m.count) where m[i] && st[i] == QueueBook.Status.pending.rawValue { n += 1 }
        }
        return n
    }

    /// Decisions the track record of a focus looks back on.
    static let recordLength = 50

    /// The model's track record on `label` from the journal: the latest `recordLength` decisions
    /// (one per message, not bulk) whose prior prediction was `label`, oldest first — was it the analyst's?
    static func record(_ s: AppState, label: String) -> [Bool] {
        let calls = s.journal.decisions.values.filter { !$0.bulk && $0.predicted == label }.sorted { $0.seq < $1.seq }
        return calls.suffix(recordLength).map { $0.label == label }
    }

    /// The track record in words, "right on 18 of your last 20" (`short`: "18/20 right"); nil when there is none.
    static func recordText(_ s: AppState, short: Bool = false) -> String? {
        guard !s.focusRecord.isEmpty else { return nil }
        let right = s.focusRecord.filter { $0 }.count, n = s.focusRecord.count
        return short ? "\(right)/\(n) right" : "right on \(right) of your last \(n)"
    }

    /// Runs `change`, keeping `s.focusCount` exact for the messages `indices` it may move in or out of the focus.
    static func tally(_ s: inout AppState, _ indices: [Int], _ change: (inout AppState) -> Void) {
        guard let f = filter(s) else { return change(&s) }
        let before = indices.reduce(0) { $0 + (holds(s, message: $1, f) ? 1 : 0) }
        change(&s)
        let after = indices.reduce(0) { $0 + (holds(s, message: $1, f) ? 1 : 0) }
        s.focusCount += after - before
    }

    /// The rows the queue pane shows from row `start`: at most `limit`, each in focus or the cursor's.
    static func visibleRows(_ s: AppState, from start: Int, limit: Int) -> [Int] {
        guard let f = filter(s) else {
            let lo = min(max(0, start), s.queue.count)
            return Array(lo..<min(s.queue.count, lo + max(0, limit)))
        }
        var out: [Int] = []
        let end = max(s.queue.count(of: .pending), min(s.cursor + 1, s.queue.count))
        var r = max(0, start)
        while r < end, out.count < limit {
            if shows(s, row: r, f) { out.append(r) }
            r += 1
        }
        return out
    }

    /// Keeps the cursor among the `rows` rows shown from `s.scroll`, counting only rows in focus.
    static func clampScroll(_ s: inout AppState, visibleRows rows: Int) {
        if s.cursor < s.scroll {
            s.scroll = s.cursor
            return
        }
        let f = filter(s)
        var shown = 0
        var r = s.scroll
        while r < s.cursor {
            if shows(s, row: r, f) { shown += 1 }
            if shown >= rows { break }
            r += 1
        }
        guard shown >= rows else { return }
        // Too far down: start the pane `rows - 1` shown rows above the cursor.
        var top = s.cursor
        var above = 0
        while above < rows - 1, let p = next(s, after: top, forward: false) {
            top = p
            above += 1
        }
        s.scroll = top
    }
}
