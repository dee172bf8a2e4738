import Foundation
import Terminal

extension BenchRunner {
    /// Frame times of an analyst working under a focus on one model label (`f`, the label
    /// the model gives most pending messages, then `keys` presses of moves, Enter to confirm,
    /// and now and then `V` `y` for a page), and of opening the focus picker, whose counts
    /// pass over every message.
    static func focusRun(_ app: App, keys count: Int, report: inout BenchReport, progress: (String) -> Void) {
        var t = now()
        step(app, .key(.char("f"), at: t))
        report.focusOpenMs = (now() - t) * 1000
        // The picker starts on the label the model gives most pending messages: Enter takes it.
        guard case .pickLabel(let pick) = app.state.mode, let label = pick.chosen(in: app.state.journal.labels)?.name else {
            progress("focus: no label to focus on")
            return
        }
        t = now()
        step(app, .key(.enter, at: t))
        report.focusSetMs = (now() - t) * 1000
        report.focusPending = app.state.focusCount
        progress("focus on \(label): \(report.focusPending) pending messages; typing \(count) keys")
        var rng = BenchRandom(seed: 23)
        let run = timedKeys(app, count: count, while: { $0.state.focus != nil }) {
            switch rng.below(100) {
            case 0..<40: [.char("j")]
            case 40..<50: [.char("k")]
            case 50..<60: [.pageDown]
            case 60..<64: [.char("g")]
            case 64..<66: [.char("V"), .char("y")]
            default: [.enter]
            }
        }
        progress("slowest focus frames (ms, key): " + run.slowest)
        report.focusFrames = run
        if app.state.focus != nil { step(app, .key(.char("f"), at: now())) }
    }

    /// Frame times under a limit to a phrase (`l`): setting it searches every message; then
    /// moves, Enter and digits among its matches, which are spread through the whole queue.
    static func limitRun(_ app: App, keys count: Int, report: inout BenchReport, progress: (String) -> Void) {
        let query = "credential"
        report.limitQuery = query
        step(app, .key(.char("l"), at: now()))
        for c in query { step(app, .key(.char(c), at: now())) }
        let t = now()
        step(app, .key(.enter, at: t))
        report.limitEnterMs = (now() - t) * 1000
        // A large store is searched in the background: the key loop turns until the limit is in force.
        while app.state.pendingLimit != nil, now() - t < 60 {
            usleep(1000)
            step(app, nil)
        }
        report.limitSetMs = (now() - t) * 1000
        report.limitPending = app.state.focusCount
        guard app.state.limit != nil else {
            progress("limit: no pending message contains “\(query)”")
            return
        }
        progress("limit to “\(query)”: \(report.limitPending) pending messages; typing \(count) keys")
        var rng = BenchRandom(seed: 29)
        let run = timedKeys(app, count: count, while: { $0.state.limit != nil }) {
            switch rng.below(100) {
            case 0..<45: [.char("j")]
            case 45..<55: [.char("k")]
            case 55..<65: [.pageDown]
            case 65..<68: [.char("G")]
            case 68..<71: [.char("g")]
            case 71..<85: [.char("1")]
            default: [.enter]
            }
        }
        progress("slowest limit frames (ms, key): " + run.slowest)
        report.limitFrames = run
        if app.state.limit != nil { step(app, .key(.char("l"), at: now())) }
    }

    /// Presses the keys `next` gives until `count` are timed or `going` turns false.
    static func timedKeys(_ app: App, count: Int, while going: (App) -> Bool, next: () -> [Key]) -> KeyRun {
        var times: [Double] = []
        times.reserveCapacity(count)
        var slowest = SlowestFrames()
        while times.count < count, going(app) {
            for k in next() {
                let t0 = now()
                step(app, .key(k, at: t0))
                times.append((now() - t0) * 1000)
                slowest.add(times[times.count - 1], key: k)
            }
        }
        times.sort()
        return KeyRun(keys: times.count, p50: percentile(times, 0.50), p99: percentile(times, 0.99), max: times.last ?? 0,
                      slowest: slowest.summary)
    }
}
