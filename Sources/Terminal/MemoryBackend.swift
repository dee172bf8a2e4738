/// An in-memory terminal for tests and benchmarks: keeps the cells it is
/// given and plays back queued input.
public final class MemoryBackend: TerminalBackend {
    /// The current size.
    public private(set) var size: Size
    /// What the "screen" shows now.
    public private(set) var buffer: ScreenBuffer
    /// Input to be returned by `poll`, first first.
    public var input: [InputEvent] = []
    /// How many times `flush` was called.
    public private(set) var flushCount = 0

    /// A blank in-memory terminal of `width`×`height` cells.
    public init(width: Int, height: Int) {
        size = Size(width: width, height: height)
        buffer = ScreenBuffer(size: size)
    }

    /// Changes the size and queues a resize event.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        buffer = ScreenBuffer(size: size)
        input.append(.resize(size))
    }

    /// Stores the cells (those outside the screen are ignored).
    public func draw(_ changes: [CellChange]) {
        for c in changes where c.x < size.width && c.y < size.height { buffer[c.x, c.y] = c.cell }
    }

    /// Blanks the screen.
    public func clear() { buffer = ScreenBuffer(size: size) }

    /// Counts the flush.
    public func flush() { flushCount += 1 }

    /// The next queued event; when none is left, nil, or `.endOfInput` when waiting forever.
    public func poll(timeoutMs: Int) -> InputEvent? {
        input.isEmpty ? (timeoutMs < 0 ? .endOfInput : nil) : input.removeFirst()
    }

    /// The visible text, one string per row.
    public var lines: [String] { buffer.lines }
}
