/// An in-memory terminal for tests and benchmarks: keeps the cells it is
/// given and plays back queued input.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: Size
    /// What the "screen" shows now.
    public private(set) var buffer: ScreenBuffer
    /// Input to be returned by `poll`, first first.
    public var input: [InputEvent] = []
    public private(set) var flushCount = 0

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

    public func draw(_ changes: [CellChange]) {
        for c in changes where c.x < size.width && c.y < size.height { buffer[c.x, c.y] = c.cell }
    }

    public func clear() { buffer = ScreenBuffer(size: size) }

    public func flush() { flushCount += 1 }

    public func poll(timeoutMs: Int) -> InputEvent? {
        input.isEmpty ? (timeoutMs < 0 ? .endOfInput : nil) : input.removeFirst()
    }

    /// The visible text, one string per row.
    public var lines: [String] { buffer.lines }
}
