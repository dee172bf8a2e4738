import Core
import Journal

/// An in-memory journal for the benchmark: numbers records like the real one, keeps nothing durable.
final class BenchSink: JournalSink {
    private(set) var nextSeq: Int
    private(set) var appended = 0

    init(nextSeq: Int) {
        self.nextSeq = nextSeq
    }

    func append(_ event: Event) throws -> JournalRecord {
        let r = JournalRecord(seq: nextSeq, time: "2026-11-21T00:00:00.000Z", actor: "bench", event: event)
        nextSeq += 1
        appended += 1
        return r
    }
}
