import Dispatch
import Engine
import Foundation
import Testing
@testable import Workbench

/// Background consolidation steps aside while the queue is re-ranked.
@Suite("Activity gate")
struct ActivityGateTests {
    @Test func waitIdleReturnsOnlyAfterUrgentWorkEnds() {
        let gate = ActivityGate(longestWait: 10)
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let finished = Flag()
        DispatchQueue.global().async {
            gate.urgent {
                started.signal()
                release.wait()
                finished.set()
            }
        }
        started.wait()
        #expect(gate.isBusy)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { release.signal() }
        gate.waitIdle()
        #expect(finished.value)
        #expect(!gate.isBusy)
    }

    @Test func waitIdleGivesUpAfterTheLongestWait() {
        let gate = ActivityGate(longestWait: 0.05)
        let release = DispatchSemaphore(value: 0), started = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { gate.urgent { started.signal(); release.wait() } }
        started.wait()
        let t0 = Date()
        gate.waitIdle()
        #expect(Date().timeIntervalSince(t0) < 5)
        #expect(gate.isBusy)
        release.signal()
    }

    @Test func pausingConsolidationDoesNotChangeItsResult() {
        var base = Classifier(config: EngineConfig(hashBits: 14))
        let examples = (0..<300).map { i in
            LabeledExample(text: "message \(i % 7) about topic \(i % 3) word\(i % 11)", label: ["a", "b", "c"][i % 3])
        }
        for e in examples.prefix(10) { base.learn(e.text, label: e.label) }
        let calls = Counter()
        var paused = Consolidator(epochs: 2, minSteps: 10_000)
        paused.pause = { calls.add() }
        let a = Consolidator(epochs: 2, minSteps: 10_000).consolidate(base, examples: examples)
        let b = paused.consolidate(base, examples: examples)
        #expect(calls.value >= 10_000 / Consolidator.pauseInterval)
        for e in examples.prefix(20) { #expect(a.predict(e.text).probabilities == b.predict(e.text).probabilities) }
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var on = false
        func set() { lock.lock(); on = true; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return on }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }
}
