import Terminal
import Testing
@testable import NcursesTerminal

@Suite("Colour fallback")
struct ColorPaletteTests {
    @Test("Colours the terminal has are used as they are; default is -1")
    func direct() {
        #expect(ColorPalette.number(for: .default, available: 256) == -1)
        #expect(ColorPalette.number(for: .indexed(196), available: 256) == 196)
        #expect(ColorPalette.number(for: .indexed(3), available: 8) == 3)
    }

    @Test("On 8 colours, bright and indexed colours map to the nearest basic one", arguments: [
        (9, 1), (15, 7), (196, 1), (46, 2), (21, 4), (226, 3), (51, 6), (201, 5), (16, 0), (231, 7), (236, 0), (252, 7),
    ])
    func nearest(index: Int, basic: Int) {
        #expect(ColorPalette.number(for: .indexed(UInt8(index)), available: 8) == Int32(basic))
    }

    @Test("On 16 colours, bright colours stay")
    func sixteen() {
        #expect(ColorPalette.number(for: .indexed(9), available: 16) == 9)
        #expect(ColorPalette.number(for: .indexed(196), available: 16) == 1)
    }
}
