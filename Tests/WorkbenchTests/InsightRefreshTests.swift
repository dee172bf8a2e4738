import Dispatch
import Foundation
import Testing
@testable import Workbench

/// Background insight: a refresh asked for while one runs is not lost.
@Suite("Insight refresh")
struct InsightRefreshTests {
    /// The decision counts insight was computed at, shared with the background thread.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Int] = []
        func add(_ n: Int) { lock.lock(); seen.append(n); lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return seen }
    }

    /// Polls `condition` for up to 10 s.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    @Test func aRefreshAskedForDuringAComputationRunsWhenItEnds() {
        let gate = DispatchSemaphore(value: 0)
        let calls = Calls()
        let (app, _, _) = Fixtures.app { r in
            calls.add(r.decisions)
            gate.wait()
            return InsightSummary()
        }
        #expect(Self.eventually { calls.all == [0] }, "start() computes insight once")
        app.press(.char("1"))
        app.perform([.refreshInsight])  // while the first computation still runs
        gate.signal()
        #expect(Self.eventually { !app.inbox.isRunning("insight") })
        for a in app.inbox.drain() { app.dispatch(a) }
        #expect(Self.eventually { calls.all == [0, 1] }, "the refresh asked for after the decision ran: \(calls.all)")
        gate.signal()
        #expect(Self.eventually { !app.inbox.isRunning("insight") })
    }
}
