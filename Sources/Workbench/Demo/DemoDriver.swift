import Core
import Engine
import Foundation
import Terminal

/// Drives the real workbench with the simulated analyst of `dyad demo`.
///
/// Every `pace` milliseconds it advances one phase: *pick* (take the queue
/// head, narrate why the strategy chose it and what the model predicts), then
/// *label* (journal the analyst's label through the normal append path,
/// narrate what the model changed and what the machine shows now). Two shadow
/// learners (`DemoSimulation`) are trained in step, for the curves of active
/// versus random order. Input is polled with a timeout equal to the remaining
/// pace, so keys stay responsive: `space` pause, `→` one phase, `+`/`-` speed,
/// `h` hand the keyboard to a person and back, `q` quit.
public final class DemoDriver {
    /// The workbench being driven.
    public let app: App
    /// The shadow learners and the simulated analyst.
    public internal(set) var simulation: DemoSimulation
    let clock: () -> Double
    var nextAt: Double = 0
    /// The message picked in the pick phase, waiting for its label.
    var picked: (index: Int, prediction: Prediction)?
    /// Messages the simulated analyst labeled wrongly (store indices).
    public internal(set) var wrong: Set<Int> = []
    /// Wrong labels the review queue flagged or the analyst fixed.
    public internal(set) var caught: Set<Int> = []
    /// Decisions the simulated analyst made.
    public internal(set) var decisions = 0

    /// Wraps a started `app`; `simulation` must be built on the same message store.
    public init(app: App, simulation: DemoSimulation, paceMs: Int,
                clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.app = app
        self.simulation = simulation
        self.clock = clock
        app.state.demo = DemoNarration(strategy: app.state.strategy.title, paceMs: paceMs)
    }

    var narration: DemoNarration {
        get { app.state.demo ?? DemoNarration(strategy: app.state.strategy.title, paceMs: 800) }
        set { app.state.demo = newValue }
    }

    var pace: Double { Double(narration.paceMs) / 1000 }

    /// Runs until quit, a signal, or end of input.
    public func run() -> App.Exit {
        app.draw()
        nextAt = clock() + pace
        while true {
            let now = clock()
            var timeout = narration.driver == .running ? max(0, Int(((nextAt - now) * 1000).rounded(.up))) : 500
            if !app.inbox.busy.isEmpty { timeout = min(timeout, 40) }
            let event = app.screen.backend.poll(timeoutMs: min(timeout, 500))
            for a in app.inbox.drain() { app.dispatch(a) }
            switch event {
            case .key(let k)?:
                handle(k)
            case .resize?:
                app.screen.invalidate()
                app.dispatch(.resized)
            case .interrupt(let sig)?:
                return .signal(sig)
            case .endOfInput?:
                return .endOfInput
            case nil:
                break
            }
            if narration.driver == .running, clock() >= nextAt {
                advance()
                nextAt = clock() + pace
            }
            app.state.busy = app.inbox.busy
            app.draw()
            if app.state.quitting { return .quit }
        }
    }

    /// Handles one key: demo controls, or the workbench's own keys while a person has control.
    public func handle(_ key: Key) {
        if narration.driver == .human {
            if key == .char("h"), app.state.mode == .normal {
                narration.driver = .running
                picked = nil
                nextAt = clock() + pace
                app.state.flash = Flash(.info, "demo: the simulated analyst has the keyboard again")
            } else {
                app.dispatch(.key(key, at: clock()))
            }
            return
        }
        switch key {
        case .char(" "):
            narration.driver = narration.driver == .paused ? .running : .paused
            nextAt = clock() + pace
        case .right:
            advance()
            nextAt = clock() + pace
        case .char("+"), .char("="):
            narration.paceMs = max(50, narration.paceMs * 2 / 3)
            nextAt = min(nextAt, clock() + pace)
        case .char("-"), .char("_"):
            narration.paceMs = min(20_000, narration.paceMs * 3 / 2)
        case .char("h"):
            narration.driver = .human
            app.state.shownAt = clock()
            app.state.flash = Flash(.info, "demo: you have the keyboard — triage as usual; h gives it back")
        case .char("q"), .ctrl("c"):
            app.state.quitting = true
        default:
            app.state.flash = Flash(.info, "demo keys: space pause · → step · + faster · - slower · h take over · q quit")
        }
    }

    /// Advances one phase: pick the queue head, or label the picked message.
    public func advance() {
        if picked == nil { pick() } else { label() }
    }

    /// Brings the triage view up with the cursor on the queue head.
    func showQueueHead() {
        app.state.view = .triage
        app.state.mode = .normal
        app.state.cursor = 0
        Reducer.clampScroll(&app.state, visibleRows: app.state.pageSize)
    }
}
