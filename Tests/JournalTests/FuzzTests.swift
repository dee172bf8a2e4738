import Core
import Foundation
@testable import Journal
import Testing

/// Fixed-seed fuzzing: random mutations of valid files never crash the journal reader or the importers.
@Suite struct FuzzTests {
    static func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        let edits = Int.random(in: 1...8, using: &rng)
        let specials: [UInt8] = [0, 10, 13, 34, 44, 59, 92, 123, 125, 91, 93, 0xFF, 0xC3, 0xEF, 9]
        for _ in 0..<edits {
            guard !b.isEmpty else {
                b.append(UInt8.random(in: 0...255, using: &rng))
                continue
            }
            let at = Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: b[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: b[at] = specials.randomElement(using: &rng) ?? 0
            case 2: b.remove(at: at)
            case 3: b.insert(specials.randomElement(using: &rng) ?? 0, at: at)
            case 4: b = Array(b.prefix(at))
            default:
                let len = min(b.count - at, Int.random(in: 1...40, using: &rng))
                b.insert(contentsOf: b[at..<(at + len)], at: Int.random(in: 0...b.count, using: &rng))
            }
        }
        return b
    }

    @Test func journalReaderSurvivesMutations() throws {
        var rng = SeededRandom(seed: 42)
        let valid = Fixtures.journalBytes(Fixtures.everyEvent)
        let dir = Fixtures.workspace(journal: [])
        let url = dir.appendingPathComponent("journal.jsonl")
        var detected = 0
        for _ in 0..<1500 {
            let m = Self.mutate(valid, &rng)
            try Data(m).write(to: url)
            let scan = try JournalReader.read(url)
            if m != valid && !scan.isClean { detected += 1 }
            #expect(scan.records.count + scan.problems.filter { $0.kind != .sequence }.count <= scan.lineCount + 1)
            _ = JournalState(records: scan.records)
        }
        #expect(detected > 1300)
    }

    @Test func importersSurviveMutations() throws {
        var rng = SeededRandom(seed: 4242)
        let seeds: [(String, [UInt8])] = [
            ("f.jsonl", Array((#"{"id":"a","text":"hello world","label":"x","meta":{"k":1}}"# + "\n"
                               + #"{"data":{"text":"second \"q\" \u00e9"}}"# + "\n").utf8)),
            ("f.csv", Array("id,text,label\n1,\"a, \"\"quoted\"\"\nline\",x\n2,plain,y\n".utf8)),
            ("f.txt", Array("one message\r\ntwo message\n\nthree é\n".utf8)),
        ]
        for (name, valid) in seeds {
            let path = Fixtures.file(name, valid)
            for _ in 0..<1000 {
                let m = Self.mutate(valid, &rng)
                try Data(m).write(to: URL(fileURLWithPath: path))
                let r = try MessageImporter.load(paths: [path])
                #expect(r.counts.loaded == r.store.count)
                if r.counts.loaded == 0 { #expect(!r.problems.isEmpty) }
            }
        }
    }
}
