import Core
import Foundation
@testable import Journal
import Testing
import TestSupport

@Suite struct WorkspaceTests {
    @Test func createsFilesAndAppendsDurably() throws {
        let dir = TestSupport.tempDir("dyad-ws").appendingPathComponent(".dyad")
        let ws = try Workspace.open(directory: dir, create: true, readOnly: false, actor: "ana")
        #expect(FileManager.default.fileExists(atPath: ws.journalURL.path))
        #expect(FileManager.default.fileExists(atPath: ws.settingsURL.path))
        let lock = try String(contentsOf: ws.lockURL, encoding: .utf8)
        #expect(lock.contains("pid=\(getpid())") && lock.contains("actor=ana"))
        let r1 = try ws.append(Fixtures.label("m1", "phishing"))
        let r2 = try ws.append(.undo(seq: 1))
        #expect(r1.seq == 1 && r2.seq == 2 && r1.actor == "ana")
        ws.close()
        let again = try Workspace.open(directory: dir, create: false, readOnly: false, actor: "bo")
        #expect(again.records == [r1, r2])
        #expect(again.nextSeq == 3)
        #expect(again.recoveryReport == nil)
        #expect(try again.append(.note(messageID: nil, text: "hi")).seq == 3)
    }

    @Test func secondOpenerIsRefusedWithTheHolderNamed() throws {
        let dir = TestSupport.tempDir("dyad-ws")
        let ws = try Workspace.open(directory: dir, actor: "ana")
        _ = try ws.append(Fixtures.label("m1", "x"))
        do {
            _ = try Workspace.open(directory: dir, actor: "bo")
            Issue.record("second writer was let in")
        } catch let e as JournalError {
            guard case let .locked(pid, host, actor, _) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(pid == getpid() && actor == "ana" && !host.isEmpty)
            #expect(e.description.contains("--read-only"))
        }
        let ro = try Workspace.open(directory: dir, readOnly: true, actor: "bo")
        #expect(ro.records.count == 1)
        #expect(throws: JournalError.readOnly(path: dir.path)) { _ = try ro.append(Fixtures.label("m2", "x")) }
        ws.close()
        let after = try Workspace.open(directory: dir, actor: "bo")
        #expect(after.nextSeq == 2)
    }

    @Test func readOnlyOfMissingFolderIsAClearError() {
        let dir = TestSupport.tempDir("dyad-ws").appendingPathComponent("nope")
        #expect(throws: JournalError.notFound(path: dir.path)) {
            _ = try Workspace.open(directory: dir, create: true, readOnly: true, actor: "ana")
        }
    }

    @Test func tornLastLineIsMovedAsideAndReported() throws {
        var bytes = Fixtures.journalBytes([Fixtures.label("m1", "a"), Fixtures.label("m2", "b")])
        let third = RecordCodec.encode(Fixtures.record(3, Fixtures.label("m3", "c")))
        bytes += third.prefix(40)
        let dir = Fixtures.workspace(journal: bytes)
        let ws = try Workspace.open(directory: dir, actor: "ana")
        let rep = try #require(ws.recoveryReport)
        #expect(rep.line == 3 && rep.bytes == 40)
        #expect(try Data(contentsOf: URL(fileURLWithPath: rep.movedTo)) == Data(third.prefix(40)))
        #expect(ws.records.count == 2)
        #expect(try ws.append(Fixtures.label("m3", "c")).seq == 3)
        ws.close()
        #expect(try JournalMaintenance.verify(directory: dir).scan.isClean)
    }

    @Test func corruptMiddleLineStopsWriting() throws {
        var lines = Fixtures.journalBytes([Fixtures.label("m1", "a")])
        var bad = RecordCodec.encode(Fixtures.record(2, Fixtures.label("m2", "b")))
        bad[20] ^= 0x01
        lines += bad + RecordCodec.encode(Fixtures.record(3, Fixtures.label("m3", "c")))
        let dir = Fixtures.workspace(journal: lines)
        do {
            _ = try Workspace.open(directory: dir, actor: "ana")
            Issue.record("opened a journal with a corrupt middle line for writing")
        } catch let e as JournalError {
            guard case .corrupt(_, let line, _) = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(line == 2)
            #expect(e.description.contains("dyad journal verify") && e.description.contains("dyad journal repair"))
        }
        let ro = try Workspace.open(directory: dir, readOnly: true, actor: "ana")
        #expect(ro.problems.map(\.line) == [2])
        #expect(ro.records.map(\.seq) == [1, 3])
        // Repair keeps a backup and truncates to line 1.
        let out = try #require(try JournalMaintenance.repair(directory: dir, actor: "ana"))
        #expect(out.keptLines == 1 && out.droppedLines == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out.backup)) == Data(lines))
        let ws = try Workspace.open(directory: dir, actor: "ana")
        #expect(ws.nextSeq == 2)
    }

    @Test func sequenceGapIsReported() throws {
        var bytes = RecordCodec.encode(Fixtures.record(1, .undo(seq: 9)))
        bytes += RecordCodec.encode(Fixtures.record(3, .undo(seq: 9)))
        let scan = try JournalReader.read(Fixtures.workspace(journal: bytes).appendingPathComponent("journal.jsonl"))
        #expect(scan.problems.map(\.kind) == [.sequence])
        #expect(scan.goodPrefixLines == 1)
    }

    @Test func diskFullIsAClearErrorAndNothingIsSaved() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let w = try JournalWriter(path: "/dev/full", actor: "ana", nextSeq: 5, clock: { Date() })
        do {
            _ = try w.append(Fixtures.label("m1", "a"))
            Issue.record("append to a full disk reported saved")
        } catch let e as JournalError {
            guard case .writeFailed = e else {
                Issue.record("wrong error \(e)")
                return
            }
            #expect(e.description.contains("NOT saved"))
        }
        #expect(w.nextSeq == 5)
    }

    @Test func settingsRoundTripThroughYAML() throws {
        let dir = TestSupport.tempDir("dyad-ws")
        let ws = try Workspace.open(directory: dir, actor: "ana")
        let s = WorkspaceSettings(labels: [LabelInfo(name: "phishing", key: "1", description: "lures")],
                                  lexiconSeeds: ["phishing": ["verify account"]], cycleLength: 10, strategy: "margin")
        try ws.saveSettings(s)
        #expect(try WorkspaceSettings.load(ws.settingsURL) == s)
        try "labels: [oops".write(to: ws.settingsURL, atomically: true, encoding: .utf8)
        #expect(throws: JournalError.self) { _ = try WorkspaceSettings.load(ws.settingsURL) }
    }
}
