import Core
import Journal
import Testing
@testable import Workbench

/// The chunks a consolidation starts from are always the journal's whole training sequence.
@Suite("Training sequence cache")
struct TrainingSequenceCacheTests {
    @Test func chunksEqualTheWholeSequenceThroughDecisionsUndosAndRenames() {
        var journal = JournalState(records: [])
        var cache = TrainingSequenceCache()
        var seq = 0
        var labelSeqs: [Int] = []
        var names = ["a", "b"]
        var z: UInt64 = 7
        func next(_ n: Int) -> Int {
            z = z &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((z >> 33) % UInt64(n))
        }
        func apply(_ event: Event) {
            seq += 1
            journal.apply(JournalRecord(seq: seq, time: "2026-12-03T09:00:00.000Z", actor: "ana", event: event))
        }
        apply(.labelDefined(name: "a", key: "1", description: nil))
        apply(.labelDefined(name: "b", key: "2", description: nil))
        var checks = 0
        for step in 0..<400 {
            switch next(10) {
            case 0 where !labelSeqs.isEmpty:
                apply(.undo(seq: labelSeqs.remove(at: next(labelSeqs.count))))
            case 1:
                let to = "r\(step)", from = names[next(names.count)]
                apply(.labelRenamed(from: from, to: to))
                names = names.map { $0 == from ? to : $0 }
            case 2:
                apply(.bulkLabel(BulkLabel(label: names[next(names.count)], messageIDs: (0..<3).map { _ in "m\(next(50))" }, cluster: 1)))
                labelSeqs.append(seq)
            default:
                apply(.label(LabelDecision(messageID: "m\(next(50))", label: names[next(names.count)], predicted: nil,
                                           confidence: nil, strategy: nil, ms: 0)))
                labelSeqs.append(seq)
            }
            // A consolidation starts now and then, not after every record.
            if next(3) == 0 {
                let flat = cache.chunks(of: journal).flatMap { $0 }
                #expect(flat.map { "\($0.messageID)=\($0.label)" }
                    == journal.trainingSequence.map { "\($0.messageID)=\($0.label)" }, "after record \(seq)")
                checks += 1
            }
        }
        #expect(checks > 50)
        #expect(journal.trainingRevision > 10)
    }

    @Test func growingAtTheEndReadsOnlyTheNewDecisions() {
        var journal = JournalState(records: [])
        var cache = TrainingSequenceCache()
        for k in 1...5 {
            journal.apply(JournalRecord(seq: k, time: "2026-12-03T09:00:00.000Z", actor: "ana",
                                        event: .label(LabelDecision(messageID: "m\(k)", label: "a", predicted: nil,
                                                                    confidence: nil, strategy: nil, ms: 0))))
            #expect(cache.chunks(of: journal).map(\.count) == Array(repeating: 1, count: k))
        }
        #expect(cache.count == 5)
    }
}
