/// A changed cell to be written at a position.
public struct CellChange: Sendable, Hashable {
    /// Column.
    public var x: Int
    /// Row.
    public var y: Int
    /// What to show there.
    public var cell: Cell
    /// A change putting `cell` at (`x`, `y`).
    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// What a real or in-memory terminal must do. Only `NcursesTerminal` talks to ncurses.
public protocol TerminalBackend: AnyObject {
    /// Current size in cells.
    var size: Size { get }
    /// Writes cells (not yet visible until `flush`).
    func draw(_ changes: [CellChange])
    /// Forgets what is on screen; the next frame is drawn in full.
    func clear()
    /// Makes drawn cells visible.
    func flush()
    /// Waits up to `timeoutMs` (negative: forever) for input; nil on timeout.
    func poll(timeoutMs: Int) -> InputEvent?
}
