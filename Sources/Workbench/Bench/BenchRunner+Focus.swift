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
        guard case .pickLabel(let pick) = app.state.mode, case .focus(let counts) = pick.purpose,
              let (label, _) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else {
            progress("focus: no label to focus on")
            return
        }
        for c in label { step(app, .key(.char(c), at: now())) }
        t = now()
        step(app, .key(.enter, at: t))
        report.focusSetMs = (now() - t) * 1000
        report.focusPending = app.state.focusCount
        progress("focus on \(label): \(report.focusPending) pending messages; typing \(count) keys")
        var times: [Double] = []
        var slowest = SlowestFrames()
        times.reserveCapacity(count)
        var rng = BenchRandom(seed: 23)
        while times.count < count, app.state.focus != nil {
            let keys: [Key] = switch rng.below(100) {
            case 0..<40: [.char("j")]
            case 40..<50: [.char("k")]
            case 50..<60: [.pageDown]
            case 60..<64: [.char("g")]
            case 64..<66: [.char("V"), .char("y")]
            default: [.enter]
            }
            for k in keys {
                let t0 = now()
                step(app, .key(k, at: t0))
                times.append((now() - t0) * 1000)
                slowest.add(times[times.count - 1], key: k)
            }
        }
        progress("slowest focus frames (ms, key): " + slowest.summary)
        times.sort()
        report.focusKeys = times.count
        report.focusFrameP50 = percentile(times, 0.50)
        report.focusFrameP99 = percentile(times, 0.99)
        report.focusFrameMax = times.last ?? 0
        if app.state.focus != nil { step(app, .key(.char("f"), at: now())) }
    }
}
