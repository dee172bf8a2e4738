/// Owns the previous frame and sends only the differences to a backend.
public final class Screen {
    /// Where frames go.
    public let backend: any TerminalBackend
    private var previous: ScreenBuffer?
    /// Cells written by the last `present` (for tests and benchmarks).
    public private(set) var lastChangeCount = 0

    /// A screen that draws on `backend`; the first frame is sent whole.
    public init(backend: any TerminalBackend) {
        self.backend = backend
    }

    /// The size a new frame should have.
    public var size: Size { backend.size }

    /// Forces the next frame to be drawn whole (after a resize or a clear).
    public func invalidate() {
        previous = nil
        backend.clear()
    }

    /// Shows `frame`: computes the changed cells and writes them.
    public func present(_ frame: ScreenBuffer) {
        let changes = FrameDiff.changes(from: previous, to: frame)
        lastChangeCount = changes.count
        if !changes.isEmpty { backend.draw(changes) }
        backend.flush()
        previous = frame
    }
}

/// Computes the cells that differ between two frames.
public enum FrameDiff {
    /// Changed cells from `old` to `new`, row-major; all of `new` when sizes differ or `old` is nil.
    public static func changes(from old: ScreenBuffer?, to new: ScreenBuffer) -> [CellChange] {
        var out: [CellChange] = []
        let w = new.size.width
        if let old, old.size == new.size {
            for i in 0..<new.cells.count where old.cells[i] != new.cells[i] {
                out.append(CellChange(x: i % w, y: i / w, cell: new.cells[i]))
            }
        } else {
            out.reserveCapacity(new.cells.count)
            for i in 0..<new.cells.count {
                out.append(CellChange(x: i % w, y: i / w, cell: new.cells[i]))
            }
        }
        return out
    }
}
