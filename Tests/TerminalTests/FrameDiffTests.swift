import Testing
@testable import Terminal

@Suite("Frame diff and screen")
struct FrameDiffTests {
    func frame(_ rows: [String], width: Int = 6, style: Style = .plain) -> ScreenBuffer {
        var b = ScreenBuffer(size: Size(width: width, height: rows.count))
        for (y, row) in rows.enumerated() { b.put(row, x: 0, y: y, style: style) }
        return b
    }

    @Test("The first frame is sent whole")
    func firstFrame() {
        let f = frame(["ab", "cd"])
        let changes = FrameDiff.changes(from: nil, to: f)
        #expect(changes.count == 12)
        #expect(changes.first == CellChange(x: 0, y: 0, cell: Cell("a")))
        #expect(changes.last == CellChange(x: 5, y: 1, cell: .blank()))
    }

    @Test("Only changed cells are yielded, row-major")
    func onlyChanged() {
        let a = frame(["hello", "world"])
        let b = frame(["help", "world!"])
        let changes = FrameDiff.changes(from: a, to: b)
        #expect(changes == [
            CellChange(x: 3, y: 0, cell: Cell("p")),
            CellChange(x: 4, y: 0, cell: .blank()),
            CellChange(x: 5, y: 1, cell: Cell("!")),
        ])
        #expect(FrameDiff.changes(from: b, to: b).isEmpty)
    }

    @Test("A style change alone is a change")
    func styleOnly() {
        let a = frame(["abc"])
        var b = a
        b.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { _ in Style(attributes: .reverse) }
        let changes = FrameDiff.changes(from: a, to: b)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 1)
        #expect(changes.first?.cell.style.attributes == .reverse)
    }

    @Test("A wide character replacing two narrow ones sends both cells")
    func wideChange() throws {
        let a = frame(["abcd"])
        let b = frame(["a漢d"])
        let changes = FrameDiff.changes(from: a, to: b)
        try #require(changes.map(\.x) == [1, 2], "d at column 3 did not change")
        #expect(changes[0].cell.grapheme == "漢")
        #expect(changes[1].cell.isContinuation)
    }

    @Test("A size change sends the whole new frame")
    func resized() {
        let a = frame(["ab"], width: 4)
        let b = frame(["ab", "cd"], width: 3)
        #expect(FrameDiff.changes(from: a, to: b).count == 6)
    }

    @Test("Screen writes only what changed to the backend and flushes every frame")
    func screenPresents() {
        let backend = MemoryBackend(width: 6, height: 2)
        let screen = Screen(backend: backend)
        screen.present(frame(["Queue", "> one"]))
        #expect(screen.lastChangeCount == 12)
        #expect(backend.lines == ["Queue ", "> one "])
        screen.present(frame(["Queue", "> two"]))
        #expect(screen.lastChangeCount == 3)
        #expect(backend.lines == ["Queue ", "> two "])
        screen.present(frame(["Queue", "> two"]))
        #expect(screen.lastChangeCount == 0)
        #expect(backend.flushCount == 3)
        screen.invalidate()
        #expect(backend.lines == ["      ", "      "])
        screen.present(frame(["Queue", "> two"]))
        #expect(screen.lastChangeCount == 12)
        #expect(backend.lines == ["Queue ", "> two "])
    }

    @Test("MemoryBackend plays queued input and reports resizes")
    func memoryInput() {
        let backend = MemoryBackend(width: 4, height: 2)
        backend.input = [.key(.char("j")), .key(.ctrl("c"))]
        backend.resize(width: 8, height: 3)
        #expect(backend.poll(timeoutMs: 0) == .key(.char("j")))
        #expect(backend.poll(timeoutMs: 0) == .key(.ctrl("c")))
        #expect(backend.poll(timeoutMs: 0) == .resize(Size(width: 8, height: 3)))
        #expect(backend.poll(timeoutMs: 10) == nil)
        #expect(backend.poll(timeoutMs: -1) == .endOfInput)
        #expect(backend.lines.count == 3)
        #expect(backend.lines.allSatisfy { $0.count == 8 })
    }
}
