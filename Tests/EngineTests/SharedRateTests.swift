import Testing
@testable import Engine

/// The learning step: one AdaGrad sum per feature, shared by its label weights and kept in its row.
@Suite struct SharedRateTests {
    @Test func firstStepFollowsTheSharedRule() throws {
        var c = Classifier(config: EngineConfig(hashBits: 20))
        c.addLabel("a")
        c.addLabel("b")
        let fv = c.featurize("alpha beta gamma")
        #expect(Set(fv.indices).count == fv.indices.count)
        c.learn(fv, label: "a")
        // From zero: p = (0.5, 0.5), g = (-0.5, 0.5), sum of g² = 0.5; every feature of value v
        // gets the sum v² / 2 and moves its weights by lr * v * g / sqrt(v² / 2) = ∓ lr / sqrt(2).
        let lr = Float(c.config.learningRate), step = lr / Float(2).squareRoot()
        for k in fv.indices.indices {
            let slot = fv.indices[k], v = fv.value(at: k)
            #expect(abs(c.rateSum(slot) - v * v / 2) < 1e-7)
            #expect(abs(c.weight(slot, 0) - step) < 1e-4)
            #expect(abs(c.weight(slot, 1) + step) < 1e-4)
        }
    }

    @Test func sumsMoveWithTheirSlotsWhenLabelsGrow() {
        var c = Fixtures.trained(passes: 1)
        let fv = c.featurize("verify the bitcoin link")
        let before = fv.indices.map { c.rateSum($0) }
        let scores = c.scores("verify the bitcoin link")
        for i in 0..<6 { c.addLabel("extra\(i)") }
        #expect(c.lanes == 3)
        #expect(fv.indices.map { c.rateSum($0) } == before)
        #expect(Array(c.scores("verify the bitcoin link").prefix(3)) == scores)
        // The sum sits in a column no label has: 15 labels fit 16 columns, the 16th needs 20.
        for i in 6..<12 { c.addLabel("extra\(i)") }
        #expect(c.names.count == 15 && c.stride == 16)
        c.addLabel("sixteenth")
        #expect(c.stride == 20)
        #expect(fv.indices.map { c.rateSum($0) } == before)
        #expect(fv.indices.allSatisfy { c.weight($0, 15) == 0 })
        #expect(Array(c.scores("verify the bitcoin link").prefix(3)) == scores)
    }

    @Test func imageRoundTripIsBitIdentical() throws {
        var c = Fixtures.trained()
        _ = c.boost(term: "bitcoin", label: "ransomware")
        let state = c.imageState()
        let bytes = c.withImageTable { Array($0) }
        #expect(bytes.count == c.imageTableByteCount)
        let d = try state.withUnsafeBytes { s in
            try Classifier(image: s, config: c.config, tableByteCount: bytes.count) { dst in
                bytes.withUnsafeBytes { dst.copyMemory(from: $0) }
            }
        }
        #expect(d.fingerprint == c.fingerprint)
        #expect(d.predict("bitcoin password link") == c.predict("bitcoin password link"))
        var e = c, f = d
        e.learn("send bitcoin now", label: "ransomware")
        f.learn("send bitcoin now", label: "ransomware")
        #expect(e.fingerprint == f.fingerprint)
        // A table of the old layout (two vectors per weight lane) is refused.
        let old = c.lanes * 2 * c.slotCount * 16
        #expect(throws: Classifier.ImageError.self) {
            try state.withUnsafeBytes { s in
                try Classifier(image: s, config: c.config, tableByteCount: old) { _ in }
            }
        }
    }
}
