import ArgumentParser
import Core
import Foundation
import Journal
import NcursesTerminal
import Terminal
import Workbench

/// The on-screen demo: the real workbench on a fresh workspace, driven by the simulated analyst.
struct DemoInteractive {
    var path: String
    var data: DemoData
    var settings: DemoSettings
    var pace: Int
    var workspace: String?
    var noColor: Bool

    func run() throws {
        do {
            try TerminalPreflight.check(environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let folder = workspace ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("dyad-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970))").path
        let options = SessionOptions(files: [path], workspace: folder, analyst: "demo-analyst", labels: data.labels,
                                     strategy: settings.strategy, noColor: noColor, seed: settings.seed)
        let session: LoadedSession
        do {
            session = try SessionLoader.load(options, keyMap: KeyConfig.load())
        } catch {
            FileHandle.standardError.write(Data("dyad: \(error)\n".utf8))
            throw ExitCode(1)
        }
        // The shadows must share the workbench's message indices.
        let shared = DemoData(rebasing: data, onto: session.state.store)
        let (backend, app) = try WorkbenchLauncher.start(session, noColor: noColor)
        let driver = DemoDriver(app: app, simulation: DemoSimulation(data: shared, settings: settings), paceMs: pace)
        let exit = driver.run()
        backend.stop()
        session.workspace.close()
        let result = driver.simulation.result()
        print("dyad demo: \(driver.decisions) decisions by the simulated analyst (\(driver.wrong.count) wrong, "
              + "\(driver.caught.count) caught) in \(session.workspace.journalURL.path)")
        if let a = result.active.last, let r = result.random.last {
            print("macro-F1 at \(a.labels) labels: \(settings.strategy.rawValue) \(String(format: "%.3f", a.macroF1)), "
                  + "random \(String(format: "%.3f", r.macroF1))")
        }
        print("report: dyad report --workspace \(folder) --out \(folder)/report")
        if case .signal(let sig) = exit { throw ExitCode(128 + sig) }
    }
}
