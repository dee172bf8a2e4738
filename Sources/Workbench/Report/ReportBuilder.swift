import Core
import Engine
import Foundation
import Journal

/// Builds `report.html` and `report.md` from a workspace's journal.
public enum ReportBuilder {
    /// The two forms of a report.
    public struct Output: Sendable {
        /// Self-contained HTML (inline CSS and SVG, no scripts, no network resources).
        public var html: String
        /// Markdown summary.
        public var markdown: String
    }

    /// Renders the report of `data`.
    public static func render(_ data: ReportData, title: String = "Dyad report") -> Output {
        Output(html: ReportHTML.render(data, title: title), markdown: ReportText.markdown(data, title: title))
    }

    /// Reads the workspace at `workspace` (read-only) and the message files (default: those the
    /// journal's last session opened, when they exist), scores held-out macro-F1 on `test` (default:
    /// `heldout.jsonl` beside the first message file, when it exists), and writes `report.html` and
    /// `report.md` into `out`. Returns the paths written.
    public static func write(workspace: URL, out: URL, files: [String], test: String?) throws -> [URL] {
        let ws = try Workspace.open(directory: workspace, create: false, readOnly: true, actor: "report")
        defer { ws.close() }
        let journal = JournalState(records: ws.records)
        let candidates = files.isEmpty ? (journal.sessions.last?.files ?? []) : files
        let present = candidates.filter { FileManager.default.fileExists(atPath: $0) }
        let store = present.isEmpty ? nil : try MessageImporter.load(paths: present).store
        var testSet: ReportData.TestSet?
        let beside = present.first.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("heldout.jsonl").path }
        if let path = test ?? beside.flatMap({ FileManager.default.fileExists(atPath: $0) && !present.contains($0) ? $0 : nil }) {
            let t = try MessageImporter.load(paths: [path]).store
            let withGold = (0..<t.count).filter { t.gold($0) != nil }
            testSet = .init(texts: withGold.map { t.text($0) }, gold: withGold.map { t.gold($0) ?? "" }, source: path)
        }
        let data = ReportData(records: ws.records, store: store, test: testSet)
        let output = render(data, title: "Dyad report — \(workspace.lastPathComponent)")
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let html = out.appendingPathComponent("report.html"), md = out.appendingPathComponent("report.md")
            try Data(output.html.utf8).write(to: html, options: .atomic)
            try Data(output.markdown.utf8).write(to: md, options: .atomic)
            return [html, md]
        } catch {
            throw ReportError.cannotWrite(path: out.path, reason: error.localizedDescription)
        }
    }
}
