import Core
import Foundation
@testable import Journal
import Testing
import TestSupport

/// Fault tests that drive the real `dyad` binary: SIGKILL at random moments, and two writers on one workspace.
@Suite(.serialized) struct CrashTests {
    /// The built binary: `$DYAD_BIN`, else `.build/debug/dyad` under the package root.
    static func binary() throws -> URL {
        let env = ProcessInfo.processInfo.environment["DYAD_BIN"]
        let url = env.map { URL(fileURLWithPath: $0) }
            ?? TestSupport.packageRoot.appendingPathComponent(".build/debug/dyad")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            Issue.record("dyad binary not found at \(url.path): run `swift build` first (or set DYAD_BIN)")
            throw JournalError.notFound(path: url.path)
        }
        return url
    }

    /// A running `dyad journal stress` whose stdout is read line by line.
    final class Stress {
        let process = Process()
        let out = Pipe()
        let err = Pipe()
        var buffer: [UInt8] = []
        var saved: [Int] = []
        var eof = false

        init(_ bin: URL, workspace: URL, count: Int) throws {
            process.executableURL = bin
            process.arguments = ["journal", "stress", "--workspace", workspace.path, "--count", String(count)]
            process.standardOutput = out
            process.standardError = err
            try process.run()
        }

        /// Reads until `n` saves were reported or the output ends.
        func waitForSaves(_ n: Int) {
            while saved.count < n && !eof { readSome() }
        }

        func readSome() {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty {
                eof = true
                return
            }
            buffer += data
            while let nl = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeSubrange(...nl)
                if line.hasPrefix("saved "), let s = Int(line.dropFirst(6)) { saved.append(s) }
            }
        }

        /// Kills with SIGKILL, then collects everything printed before death.
        func kill() {
            _ = Foundation.kill(process.processIdentifier, SIGKILL)
            while !eof { readSome() }
            process.waitUntilExit()
        }

        var stderrText: String { String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    }

    @Test func sigkillAtRandomMomentsLosesNoSavedDecision() throws {
        let bin = try Self.binary()
        let dir = TestSupport.tempDir("dyad-crash")
        var rng = SeededRandom(seed: 2026)
        var reported: [Int] = []
        var recoveries = 0
        for _ in 0..<24 {
            let s = try Stress(bin, workspace: dir, count: 1_000_000)
            let target = Int.random(in: 0..<25, using: &rng)
            if target > 0 { s.waitForSaves(target) }
            s.kill()
            #expect(s.process.terminationReason == .uncaughtSignal, "the stress run ended before it was killed")
            reported += s.saved
            // Opening recovers a torn last line if the kill landed mid-write.
            let ws = try Workspace.open(directory: dir, actor: "checker")
            if ws.recoveryReport != nil { recoveries += 1 }
            let seqs = Set(ws.records.map(\.seq))
            for r in s.saved { #expect(seqs.contains(r), "seq \(r) was reported saved but is not in the journal") }
            #expect(ws.records.map(\.seq) == Array(1..<(ws.records.count + 1)))
            ws.close()
        }
        #expect(reported.count > 0)
        let report = try JournalMaintenance.verify(directory: dir)
        #expect(report.scan.isClean)
        let state = JournalState(records: report.scan.records)
        #expect(state.trainingSequence.count == report.scan.records.count)
        #expect(Set(reported).isSubset(of: Set(report.scan.records.map(\.seq))))
        _ = recoveries
    }

    @Test func secondProcessIsRefusedWithTheHolderNamed() throws {
        let bin = try Self.binary()
        let dir = TestSupport.tempDir("dyad-lock")
        let first = try Stress(bin, workspace: dir, count: 1_000_000)
        first.waitForSaves(3)
        let second = try Stress(bin, workspace: dir, count: 10)
        second.waitForSaves(1)
        second.process.waitUntilExit()
        let message = second.stderrText
        #expect(second.process.terminationStatus != 0)
        #expect(second.saved.isEmpty)
        #expect(message.contains("pid \(first.process.processIdentifier)"), "message: \(message)")
        #expect(message.contains("--read-only"))
        // In-process opener is refused too, and may open read-only.
        #expect(throws: JournalError.self) { _ = try Workspace.open(directory: dir, actor: "bo") }
        #expect(try Workspace.open(directory: dir, readOnly: true, actor: "bo").records.count >= 3)
        first.kill()
        let report = try JournalMaintenance.verify(directory: dir)
        #expect(report.scan.problems.allSatisfy { $0.line == report.scan.lineCount })
        #expect(Set(report.scan.records.map(\.actor)) == ["stress"])
    }
}
