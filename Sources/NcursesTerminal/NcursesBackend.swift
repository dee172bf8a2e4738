import CNcursesw
import Foundation
import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw: wide-character output, colour
/// pairs made on demand from styles, keys decoded from `wget_wch`, and
/// SIGINT/SIGTERM/SIGHUP turned into `.interrupt` events.
///
/// Start it with `start(colors:)`, stop it with `stop()` (also done on
/// deinit); only one can run at a time, as ncurses state is global.
public final class NcursesBackend: TerminalBackend {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let input: UnsafeMutablePointer<FILE>?
    let output: UnsafeMutablePointer<FILE>?
    let ownsFiles: Bool
    /// The colour handling in effect (after `.auto` was resolved).
    let palette: PairTable
    private(set) var stopped = false
    /// Early `ERR`s in a row from a timed read: the sign of a closed input.
    var earlyErrors = 0

    init(screen: OpaquePointer, input: UnsafeMutablePointer<FILE>?, output: UnsafeMutablePointer<FILE>?,
         ownsFiles: Bool, colors: ColorMode) throws {
        guard let window = dyad_stdscr() else { throw TerminalError.startFailed(term: "?") }
        self.screen = screen
        self.window = window
        self.input = input
        self.output = output
        self.ownsFiles = ownsFiles
        raw()
        noecho()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        palette = PairTable(mode: colors)
    }

    /// Checks the terminal (`TerminalPreflight`), installs the signal flags
    /// and starts ncurses on standard input and output.
    ///
    /// Throws a `TerminalError` (with the terminal untouched) when the
    /// terminal cannot show the workbench.
    public static func start(colors: ColorMode) throws -> NcursesBackend {
        let environment = ProcessInfo.processInfo.environment
        try TerminalPreflight.check(environment: environment)
        let term = try TerminalPreflight.terminalName(environment)
        return try start(term: term, input: dyad_stdin(), output: dyad_stdout(), ownsFiles: false, colors: colors)
    }

    /// Starts ncurses on `term` with the given streams (tests use /dev/null).
    static func start(term: String, input: UnsafeMutablePointer<FILE>?, output: UnsafeMutablePointer<FILE>?,
                      ownsFiles: Bool, colors: ColorMode) throws -> NcursesBackend {
        dyad_set_signal(0)
        guard dyad_install_signal_flags() == 0 else { throw TerminalError.startFailed(term: term) }
        setlocale(LC_ALL, "")
        guard let screen = newterm(term, output, input) else {
            dyad_restore_signal_flags()
            throw TerminalError.startFailed(term: term)
        }
        do {
            return try NcursesBackend(screen: screen, input: input, output: output, ownsFiles: ownsFiles, colors: colors)
        } catch {
            endwin()
            delscreen(screen)
            dyad_restore_signal_flags()
            throw error
        }
    }

    /// The signal (SIGINT, SIGTERM, SIGHUP) caught since the backend started, if any.
    public static var pendingSignal: Int32? {
        let s = dyad_peek_signal()
        return s == 0 ? nil : s
    }

    /// Ends ncurses and restores the terminal (modes, cursor, main screen)
    /// and the previous signal handlers. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        endwin()
        delscreen(screen)
        dyad_restore_signal_flags()
        if ownsFiles {
            if let input { fclose(input) }
            if let output { fclose(output) }
        }
    }

    deinit { stop() }

    /// The terminal's size in cells.
    public var size: Size { Size(width: Int(dyad_getmaxx(window)), height: Int(dyad_getmaxy(window))) }

    /// Writes the cells (continuation cells are skipped: the wide cell
    /// before them covers them); visible after `flush`.
    public func draw(_ changes: [CellChange]) {
        guard !stopped else { return }
        for change in changes where !change.cell.isContinuation {
            put(change.cell, x: change.x, y: change.y)
        }
    }

    /// Blanks the screen; the next `flush` repaints it whole.
    public func clear() {
        guard !stopped else { return }
        wclear(window)
    }

    /// Makes drawn cells visible (`wnoutrefresh` + `doupdate`).
    public func flush() {
        guard !stopped else { return }
        wnoutrefresh(window)
        doupdate()
    }
}
