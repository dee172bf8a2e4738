import Core
import Engine
import Foundation
import Journal
import Terminal

/// A session ready to run: state, journal records and the workspace that takes appends.
public struct LoadedSession {
    public var state: AppState
    public var workspace: Workspace
    public var records: [JournalRecord]
    public var config: EngineConfig
    public var themePaths: [URL]
    /// Lines to print before the screen starts (import problems, recovery).
    public var report: [String]
    /// Journal records the model snapshot covered at start (0: the journal was replayed in full).
    public var snapshotCovered = 0
}

/// Opens a session: imports messages, opens the workspace, replays the journal.
public enum SessionLoader {
    /// Dyad's version, written into `session_opened`.
    public static let version = "0.1.0"

    /// Loads everything `options` names. Throws with a clear message on bad input.
    public static func load(_ options: SessionOptions, keyMap: KeyMap = .standard,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LoadedSession {
        let dir = options.workspace.map { URL(fileURLWithPath: $0) }
            ?? Workspace.defaultDirectory(forMessagesFile: options.files.first ?? ".")
        let actor = options.analyst ?? Workspace.defaultActor()
        // The journal is opened, checked and folded on the other core while the messages import.
        // The model snapshot is read there too: it needs the journal, not the messages.
        let readOnly = options.readOnly
        let config = EngineConfig()
        let opening = ParallelWork { () throws -> UncheckedBox<(Workspace, JournalState, ModelStart)> in
            let ws = try Workspace.open(directory: dir, create: true, readOnly: readOnly, actor: actor)
            let folded = JournalState(records: ws.records)
            let start = ModelStart(snapshot: ModelSnapshot.url(in: ws.directory), records: ws.records,
                                   undone: folded.undone, config: config)
            return UncheckedBox((ws, folded, start))
        }
        let importing = Result { try MessageImporter.load(paths: options.files, options: ImportOptions()) }
        let opened = Result { try opening.value() }
        let imported = try importing.get()
        var (ws, folded, start) = try opened.get().value
        var report = imported.problems.prefix(20).map { "\($0)" }
        if imported.problems.count > 20 { report.append("… and \(imported.problems.count - 20) more problems (dyad validate lists all)") }
        if let rec = ws.recoveryReport { report.append("\(rec)") }
        var records = ws.records
        var journal = folded
        start.replayRest(records: records, undone: journal.undone, store: imported.store)
        if let line = start.reportLine(minimumRecords: options.snapshotMinimum) { report.append(line) }
        if start.covered == 0, records.count >= options.snapshotMinimum, !ws.readOnly,
           let coverage = ModelSnapshot.Coverage(records: records, count: records.count) {
            do {
                try ModelSnapshot.write(start.model, coverage: coverage, to: ModelSnapshot.url(in: ws.directory))
            } catch {
                report.append("\(error)")
            }
        }
        var model = start.model
        if !ws.readOnly {
            var newEvents: [Event] = [.sessionOpened(SessionOpened(dyadVersion: version, files: options.files,
                                                                   filesHash: imported.filesHash, messageCount: imported.store.count))]
            if journal.labels.all.isEmpty {
                let names = !options.labels.isEmpty ? options.labels
                    : !ws.settings.labels.isEmpty ? ws.settings.labels.map(\.name)
                    : imported.store.goldLabels.sorted()
                var keys = LabelSet()
                for n in names {
                    let k = ws.settings.labels.first { $0.name == n }?.key ?? keys.nextFreeKey()
                    keys.define(n, key: k)
                    newEvents.append(.labelDefined(name: n, key: k, description: ws.settings.labels.first { $0.name == n }?.description))
                }
            } else {
                for n in options.labels where !journal.labels.contains(n) {
                    newEvents.append(.labelDefined(name: n, key: nil, description: nil))
                }
            }
            for e in newEvents {
                let r = try ws.append(e)
                records.append(r)
                journal.apply(r)
                ModelUpdate.apply(r, to: &model, store: imported.store)
            }
        }
        let themePaths = ThemeLoader.defaultSearchPaths(environment: environment)
        var theme = try ThemeLoader.load(named: options.theme, searchPaths: themePaths)
        let noColor = options.noColor || (environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
        if noColor { theme = theme.monochrome() }
        let strategy = options.strategy ?? ws.settings.strategy.flatMap(QueueStrategy.init(rawValue:))
            ?? lastStrategy(records) ?? .margin
        var state = AppState(store: imported.store, journal: journal, model: model, strategy: strategy, analyst: actor,
                             workspacePath: displayPath(dir), readOnly: ws.readOnly, keyMap: keyMap, theme: theme,
                             cycleLength: options.cycleLength ?? ws.settings.cycleLength)
        state.seed = options.seed
        if let path = options.heldOut ?? ws.settings.heldOut {
            let held = try MessageImporter.load(paths: [path], options: ImportOptions())
            state.heldOut = held.store
        }
        replayHistory(&state, records: records)
        if let rec = ws.recoveryReport {
            state.flash = Flash(.warning, "\(rec)")
        } else if let notice = ImportNotice.flash(imported) {
            state.flash = notice
        }
        return LoadedSession(state: state, workspace: ws, records: records, config: config, themePaths: themePaths, report: report,
                             snapshotCovered: start.covered)
    }

    /// Restores the undo stack, agreement curve, open cycle and the insight pane's last
    /// decision from the journal.
    static func replayHistory(_ s: inout AppState, records: [JournalRecord]) {
        let undone = s.journal.undone
        var cycleStart = 0
        var last: Event?
        for r in records where undone[r.seq] == nil {
            switch r.event {
            case .label(let d):
                last = r.event
                s.undoStack.append(r.seq)
                s.undoable[r.seq] = r.event
                if let p = d.predicted { s.agreement.append(p == d.label) }
                s.decisionTimes.append(d.ms)
                if r.seq > cycleStart {
                    s.cycle.add(CycleDecision(messageID: d.messageID, label: d.label, predicted: d.predicted, ms: d.ms))
                }
            case .bulkLabel(let b):
                last = r.event
                s.undoStack.append(r.seq)
                s.undoable[r.seq] = r.event
                s.cycle.add(b)
            case .skip, .note, .labelDefined:
                s.undoStack.append(r.seq)
                s.undoable[r.seq] = r.event
            case .lexicon(let c):
                s.undoStack.append(r.seq)
                s.undoable[r.seq] = r.event
                s.cycle.lexiconChanges[c.author.rawValue, default: 0] += 1
            case .cycleClosed(let m):
                cycleStart = r.seq
                s.cycle.clearDecisions()
                s.cycle.lexiconChanges = [:]
                s.cycle.number = m.number + 1
            default:
                break
            }
        }
        // The insight pane's "last" line: built once, for the last decision only.
        switch last {
        case .label(let d)?:
            s.lastChange = ChangeSummary(decision: Reducer.decisionLine(s, d), agreed: d.predicted.map { $0 == d.label },
                                         movedTerms: [], flipped: 0)
        case .bulkLabel(let b)?:
            s.lastChange = ChangeSummary(decision: Reducer.decisionLine(b), agreed: nil, movedTerms: [], flipped: 0)
        default:
            break
        }
    }

    /// The queue order of the journal's latest decision or skip: a session goes on in the order
    /// the last one was working in.
    static func lastStrategy(_ records: [JournalRecord]) -> QueueStrategy? {
        for r in records.reversed() {
            switch r.event {
            case .label(let d): if let s = d.strategy { return s }
            case .skip(_, let s, _): if let s { return s }
            default: continue
            }
        }
        return nil
    }

    /// A short path for the header (relative to the current folder when inside it).
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let p = url.standardizedFileURL.path
        return p.hasPrefix(cwd + "/") ? String(p.dropFirst(cwd.count + 1)) : p
    }
}
