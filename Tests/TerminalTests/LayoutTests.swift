import Testing
@testable import Terminal

@Suite("Layout")
struct LayoutTests {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test("Header, body and status line split a screen into named rows")
    func namedRows() {
        let a = Layout.areas(screen, .vertical, [("header", .fixed(1)), ("body", .min(3)), ("status", .fixed(1))])
        #expect(a["header"] == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(a["body"] == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(a["status"] == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test("Percentages round down; leftover goes to min areas, earlier ones first")
    func percentages() {
        let cols = Layout(.horizontal, [.percentage(30), .min(10), .min(10)]).split(Rect(x: 2, y: 1, width: 81, height: 5))
        #expect(cols.map(\.width) == [24, 29, 28])
        #expect(cols.map(\.x) == [2, 26, 55])
        #expect(cols.allSatisfy { $0.y == 1 && $0.height == 5 })
    }

    @Test("Without min areas the last area takes the leftover")
    func leftoverToLast() {
        #expect(Layout.sizes(total: 10, [.fixed(2), .percentage(50)]) == [2, 8])
        #expect(Layout.sizes(total: 10, [.percentage(50), .fixed(2)]) == [5, 5])
    }

    @Test("When space is short flexible areas shrink first, then fixed ones from the end")
    func shortage() {
        #expect(Layout.sizes(total: 4, [.fixed(1), .min(3), .fixed(1)]) == [1, 2, 1])
        #expect(Layout.sizes(total: 2, [.fixed(1), .min(3), .fixed(1)]) == [1, 0, 1])
        #expect(Layout.sizes(total: 1, [.fixed(1), .min(3), .fixed(1)]) == [1, 0, 0])
        #expect(Layout.sizes(total: 0, [.fixed(1), .percentage(50)]) == [0, 0])
    }

    @Test("Areas always cover the rectangle exactly", arguments: [0, 1, 7, 24, 99])
    func coverage(total: Int) {
        let sizes = Layout.sizes(total: total, [.fixed(3), .percentage(40), .min(2), .percentage(10), .min(0)])
        #expect(sizes.reduce(0, +) == total)
        #expect(sizes.allSatisfy { $0 >= 0 })
    }

    @Test("Odd inputs are clamped: negative sizes, percentages above 100, no constraints")
    func oddInputs() {
        #expect(Layout.sizes(total: 10, [.fixed(-3), .percentage(250)]) == [0, 10])
        #expect(Layout(.vertical, []).split(screen).isEmpty)
    }

    @Test("Rect helpers: centered, contains, intersection, splitRight")
    func rectHelpers() {
        let r = Rect(x: 10, y: 5, width: 20, height: 10)
        #expect(r.centered(width: 10, height: 4) == Rect(x: 15, y: 8, width: 10, height: 4))
        #expect(r.centered(width: 50, height: 50) == r)
        #expect(r.contains(x: 10, y: 5))
        #expect(!r.contains(x: 30, y: 5))
        #expect(r.intersection(Rect(x: 25, y: 0, width: 10, height: 7)) == Rect(x: 25, y: 5, width: 5, height: 2))
        #expect(r.intersection(Rect(x: 0, y: 0, width: 3, height: 3)).isEmpty)
        let (rest, right) = r.splitRight(4)
        #expect(rest == Rect(x: 10, y: 5, width: 16, height: 10))
        #expect(right == Rect(x: 26, y: 5, width: 4, height: 10))
        #expect(r.inset(20).isEmpty)
    }
}
