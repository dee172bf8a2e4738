import ArgumentParser
import Foundation
import NcursesTerminal
import Workbench

/// Starts the ncurses terminal and the workbench loop for a loaded session;
/// shared by `dyad triage` and `dyad demo`.
enum WorkbenchLauncher {
    /// Starts ncurses (exit status 2 with a one-line message when it cannot) and an `App` on it, already started.
    static func start(_ session: LoadedSession, noColor: Bool) throws -> (NcursesBackend, App) {
        let colors = ColorMode.resolve(noColorFlag: noColor, environment: ProcessInfo.processInfo.environment)
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend.start(colors: colors)
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let app = App(state: session.state, backend: backend, sink: session.workspace.readOnly ? nil : session.workspace,
                      records: session.records, config: session.config, themePaths: session.themePaths,
                      insight: InsightBridge.compute)
        app.arenaDirectory = session.workspace.directory
        app.start()
        return (backend, app)
    }
}
