import Core
import Engine
import Foundation
import Journal
import Testing
import TestSupport
@testable import Workbench

/// The headless demo: active order ahead of random on the sample, the JSON shape, the simulated analyst.
@Suite("Demo simulation")
struct DemoSimulationTests {
    static func sampleData(seed: UInt64) throws -> DemoData {
        let root = TestSupport.packageRoot.appendingPathComponent("SampleData")
        let store = try MessageImporter.load(paths: [root.appendingPathComponent("threats.jsonl").path]).store
        let test = try MessageImporter.load(paths: [root.appendingPathComponent("heldout.jsonl").path]).store
        return DemoData(store: store, test: test, testSource: "heldout.jsonl", seed: seed)
    }

    @Test("on the sample, the active learner's curve is ahead of random order over ten seeds")
    func activeAheadOfRandom() throws {
        // One seed's margin is noisy (10 % of the analyst's labels are wrong, and the warm start and
        // the orders depend on it): against the mean of three random orders, over seeds 42 and 1…14
        // active leads by +0.021 of area at 150 labels (engine of session 8), from −0.036 to +0.077,
        // behind on 3 of 15 seeds. Ten seeds together are the test (+0.024 on these).
        var areaLead = 0.0, ahead = 0, checkpoints = 0
        let seeds: [UInt64] = [42, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        for seed in seeds {
            let data = try Self.sampleData(seed: seed)
            #expect(data.pool.count == 559)
            #expect(data.testGold.count == 80)
            #expect(data.labels.count == 7)
            var sim = DemoSimulation(data: data, settings: DemoSettings(labels: 150, noise: 0.1, seed: seed, strategy: .margin))
            let result = sim.run()
            #expect(result.labels == 150)
            #expect(result.randomRuns == 3)
            #expect(result.active.points.map(\.labels) == Array(stride(from: 10, through: 150, by: 10)))
            #expect(result.random.points.map(\.labels) == result.active.points.map(\.labels))
            #expect(result.errorsMade > 0 && result.errorsCaught <= result.errorsMade)
            // The area under the macro-F1 curve is the robust comparison; single checkpoints are noisy.
            areaLead += (result.active.area - result.random.area) / Double(seeds.count)
            let pairs = Array(zip(result.active.points, result.random.points).dropFirst())  // the first point is the shared warm start
            ahead += pairs.filter { $0.0.macroF1 >= $0.1.macroF1 }.count
            checkpoints += pairs.count
        }
        #expect(areaLead > 0.01, "active leads random by \(areaLead) of area on average over \(seeds.count) seeds")
        #expect(ahead * 2 >= checkpoints, "active ahead at \(ahead) of \(checkpoints) checkpoints")
    }

    @Test("--json has curves with labels, macro_f1 and accuracy, and the error counts")
    func jsonShape() throws {
        let result = DemoResult(active: LearningCurve(points: [CurvePoint(labels: 10, macroF1: 0.5, accuracy: 0.6)]),
                                random: LearningCurve(points: [CurvePoint(labels: 10, macroF1: 0.4, accuracy: 0.5)]),
                                strategy: "margin", seed: 7, noise: 0.1, labels: 10, poolSize: 100, testSize: 20,
                                testSource: "holdout", errorsMade: 3, errorsCaught: 2, reviewFlagged: 5)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.json().utf8)) as? [String: Any])
        let curves = try #require(object["curves"] as? [String: Any])
        let active = try #require(curves["active"] as? [[String: Any]])
        #expect(active.first?["labels"] as? Int == 10)
        #expect(active.first?["macro_f1"] as? Double == 0.5)
        #expect(active.first?["accuracy"] as? Double == 0.6)
        #expect((curves["random"] as? [[String: Any]])?.first?["macro_f1"] as? Double == 0.4)
        #expect(object["errors_made"] as? Int == 3)
        #expect(object["errors_caught"] as? Int == 2)
        let decoded = try JSONDecoder().decode(DemoResult.self, from: Data(result.json().utf8))
        #expect(decoded == result)
    }

    @Test("the simulated analyst is right without noise, always wrong with noise 1, and the same for the same seed")
    func analyst() {
        let labels = ["a", "b", "c"]
        let exact = SimulatedAnalyst(noise: 0, seed: 1, labels: labels)
        #expect((0..<200).allSatisfy { exact.label(index: $0, gold: "b") == .init(label: "b", wrong: false) })
        let liar = SimulatedAnalyst(noise: 1, seed: 1, labels: labels)
        #expect((0..<200).allSatisfy { let a = liar.label(index: $0, gold: "b"); return a.wrong && a.label != "b" && labels.contains(a.label) })
        let noisy = SimulatedAnalyst(noise: 0.2, seed: 9, labels: labels)
        let wrong = (0..<1000).filter { noisy.label(index: $0, gold: "a").wrong }.count
        #expect((150...250).contains(wrong), "\(wrong) wrong of 1000 at 20%")
        #expect((0..<50).map { noisy.label(index: $0, gold: "a") } == (0..<50).map { SimulatedAnalyst(noise: 0.2, seed: 9, labels: labels).label(index: $0, gold: "a") })
    }

    @Test("the area under a curve is the trapezoid mean over the labels spanned")
    func area() {
        let c = LearningCurve(points: [CurvePoint(labels: 10, macroF1: 0, accuracy: 0), CurvePoint(labels: 20, macroF1: 1, accuracy: 1),
                                       CurvePoint(labels: 40, macroF1: 1, accuracy: 1)])
        #expect(abs(c.area - (5.0 + 20.0) / 30.0) < 1e-12)
        #expect(LearningCurve().area == 0)
    }

    @Test("without a test file a seeded 20% of the labeled messages is held out, disjoint from the pool")
    func holdout() {
        var store = MessageStore()
        for k in 0..<50 { store.append(Message(id: "m\(k)", text: "message \(k)", gold: k % 2 == 0 ? "x" : "y")) }
        store.append(Message(id: "nogold", text: "no label"))
        let d = DemoData(store: store, test: nil, seed: 3)
        #expect(d.testGold.count == 10)
        #expect(d.pool.count == 40)
        #expect(!d.pool.contains(50))
        #expect(Set(d.pool.map { store.text($0) }).isDisjoint(with: d.testTexts))
        #expect(DemoData(store: store, test: nil, seed: 3).pool == d.pool)
    }
}
