import Foundation
import Testing
import TestSupport

/// `dyad report` opened in headless Chromium (Debian's `chromium`), when it is installed.
@Suite("Report in a headless browser", .serialized)
struct ReportBrowserTests {
    /// `chromium` (or `chromium-browser`) on PATH, if any.
    static let chromium: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let c = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: c.path) { return c }
            }
        }
        return nil
    }()

    /// Runs `executable` with `arguments`; returns status and standard output.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = folder
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("a demo journal's report renders in Chromium: the DOM has the SVG charts and a screenshot is written",
          .enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium)"))
    func rendersInChromium() throws {
        let binary = try TestSupport.dyadBinary()
        let browser = try #require(Self.chromium)
        let folder = TestSupport.tempDir("dyad-e2e-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A real journal: thirty decisions of the simulated analyst.
        let sample = TestSupport.packageRoot.appendingPathComponent("SampleData/threats.jsonl")
        let q = TmuxSession.quote
        let tmux = try TmuxSession(command: "cd \(q(folder.path)) && \(q(binary.path)) demo \(q(sample.path)) --pace 60 --workspace ws",
                                   width: 130, height: 40)
        defer { tmux.kill() }
        try tmux.waitUntil("30 demo decisions", timeout: 120) { s in
            guard let r = s.range(of: #"step (\d+)"#, options: .regularExpression) else { return false }
            return (Int(s[r].dropFirst(5)) ?? 0) >= 30
        }
        try tmux.send(keys: "q")
        #expect(try tmux.exitStatus(timeout: 30) == 0)

        let (status, _) = try Self.run(binary, ["report", "--workspace", "ws", "--out", "out"], in: folder)
        #expect(status == 0)
        let html = folder.appendingPathComponent("out/report.html")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,1800"]
        let (domStatus, dom) = try Self.run(browser, common + ["--dump-dom", html.absoluteString], in: folder)
        #expect(domStatus == 0)
        #expect(dom.components(separatedBy: "<svg").count - 1 >= 4, "the browser's DOM lacks the charts")
        #expect(dom.contains("Learning curve of the model"))
        let png = folder.appendingPathComponent("report.png")
        let (shotStatus, _) = try Self.run(browser, common + ["--screenshot=\(png.path)", html.absoluteString], in: folder)
        #expect(shotStatus == 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "screenshot of \(size) bytes")
    }
}
