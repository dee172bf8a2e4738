import Core
import Engine
import Foundation
import Journal
import Terminal
import Testing
@testable import Workbench

/// The interactive demo's driver on an in-memory terminal.
@Suite("Demo driver")
struct DemoDriverTests {
    static func driver(noise: Double = 0) -> (DemoDriver, MemoryBackend, MemorySink) {
        let (app, backend, sink) = Fixtures.app(width: 120, height: 36)
        let store = app.state.store
        let data = DemoData(store: store, test: store, testSource: "fixture", seed: 1)
        let sim = DemoSimulation(data: data, settings: DemoSettings(labels: 10, noise: noise, seed: 1, strategy: .margin, every: 2))
        var t = 100.0
        return (DemoDriver(app: app, simulation: sim, paceMs: 100, clock: { t += 0.05; return t }), backend, sink)
    }

    @Test("each two phases journal one label with origin demo, through the normal append path")
    func labelsAdvance() throws {
        let (driver, _, sink) = Self.driver()
        for _ in 0..<6 { driver.advance() }
        let labels = sink.records.compactMap { r -> LabelDecision? in if case .label(let d) = r.event { return d } else { return nil } }
        #expect(labels.count == 3)
        #expect(labels.allSatisfy { $0.origin == .demo })
        #expect(Set(labels.map(\.messageID)).count == 3)
        #expect(driver.app.state.journal.decisions.count == 3)
        let store = driver.app.state.store
        #expect(labels.allSatisfy { d in store.gold(store.index(ofID: d.messageID) ?? -1) == d.label }, "noise 0 gives the gold labels")
        #expect(driver.simulation.active.count == 3 && driver.simulation.random.count == 3)
        #expect(driver.app.state.demo?.step == 3)
    }

    @Test("the banner narrates the chain and shows both curves")
    func banner() throws {
        let (driver, _, _) = Self.driver()
        for _ in 0..<4 { driver.advance() }
        driver.advance()
        let (frame, _) = Renderer.render(driver.app.state, size: Size(width: 120, height: 36))
        let text = (0..<36).map { frame.line($0) }.joined(separator: "\n")
        #expect(text.contains("demo · step 2"), "\(text)")
        #expect(text.contains("1 picked "), "\(text)")
        #expect(text.contains("margin"), "\(text)")
        #expect(text.contains("analyst labels it"), "\(text)")
        #expect(text.contains("random"), "\(text)")
        #expect(text.contains("macro-F1 at 2 labels"), "\(text)")
    }

    @Test("a correction names the words that made the model prefer its own label (why not the analyst's)")
    func correctionsSayWhyNot() {
        let (driver, _, _) = Self.driver()
        var corrected: [String] = []
        for _ in 0..<20 {
            driver.advance()
            corrected += driver.narration.lines.filter { $0.contains("✓ model said") }
        }
        #expect(!corrected.isEmpty, "no correction in ten labels")
        #expect(corrected.contains { $0.contains(" for “") }, "\(corrected)")
    }

    @Test("space pauses, h hands the keyboard over and back, + and - change the pace, q quits")
    func keys() {
        let (driver, _, sink) = Self.driver()
        driver.handle(.char(" "))
        #expect(driver.app.state.demo?.driver == .paused)
        driver.handle(.char(" "))
        #expect(driver.app.state.demo?.driver == .running)
        driver.handle(.char("+"))
        #expect(driver.app.state.demo?.paceMs == 66)
        driver.handle(.char("-"))
        #expect(driver.app.state.demo?.paceMs == 99)
        driver.handle(.char("h"))
        #expect(driver.app.state.demo?.driver == .human)
        driver.handle(.char("1"))  // a normal triage key: the person labels the selected message
        #expect(sink.records.contains { if case .label(let d) = $0.event { return d.origin == .triage } else { return false } })
        driver.handle(.char("h"))
        #expect(driver.app.state.demo?.driver == .running)
        driver.handle(.char("q"))
        #expect(driver.app.state.quitting)
    }
}
