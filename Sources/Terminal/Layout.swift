/// Splits a rectangle into areas along one axis by constraints.
///
/// ```swift
/// let rows = Layout.areas(screen, .vertical, [
///     ("header", .fixed(1)), ("body", .min(3)), ("status", .fixed(1)),
/// ])
/// ```
/// Each area first gets what its constraint asks: `.fixed(n)` exactly n
/// cells, `.percentage(p)` p % of the whole (rounded down), `.min(n)` n.
/// Space left over goes to the `.min` areas evenly (earlier ones take the
/// remainder); without any `.min` area, to the last area. When the
/// constraints ask for more than there is, the flexible areas (`.min`,
/// `.percentage`) shrink first, last one first, then the `.fixed` ones.
/// Areas are adjacent, in order, and together cover the rectangle exactly.
public struct Layout: Sendable, Hashable {
    /// Which way areas are stacked.
    public enum Axis: Sendable, Hashable {
        /// Areas are rows, top to bottom.
        case vertical
        /// Areas are columns, left to right.
        case horizontal
    }

    /// How much of the axis one area asks for.
    public enum Constraint: Sendable, Hashable {
        /// Exactly this many cells (while there is room).
        case fixed(Int)
        /// This percentage (0…100) of the whole extent, rounded down.
        case percentage(Int)
        /// At least this many cells, plus a share of what is left over.
        case min(Int)
    }

    /// The stacking direction.
    public var axis: Axis
    /// One constraint per area, in order.
    public var constraints: [Constraint]

    /// A layout stacking areas along `axis`.
    public init(_ axis: Axis, _ constraints: [Constraint]) {
        self.axis = axis
        self.constraints = constraints
    }

    /// The areas of `rect`, one per constraint, in order.
    public func split(_ rect: Rect) -> [Rect] {
        let total = axis == .vertical ? rect.height : rect.width
        let sizes = Layout.sizes(total: total, constraints)
        var out: [Rect] = []
        out.reserveCapacity(sizes.count)
        var offset = 0
        for n in sizes {
            switch axis {
            case .vertical: out.append(Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: n))
            case .horizontal: out.append(Rect(x: rect.x + offset, y: rect.y, width: n, height: rect.height))
            }
            offset += n
        }
        return out
    }

    /// Named areas of `rect`: each name maps to its area.
    public static func areas<Name: Hashable>(
        _ rect: Rect, _ axis: Axis, _ named: [(Name, Constraint)]
    ) -> [Name: Rect] {
        let rects = Layout(axis, named.map { $0.1 }).split(rect)
        var out: [Name: Rect] = [:]
        for (i, pair) in named.enumerated() { out[pair.0] = rects[i] }
        return out
    }

    /// Cell counts along the axis for `total` cells; they sum to `total`
    /// (or to 0 when there are no constraints).
    static func sizes(total: Int, _ constraints: [Constraint]) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let total = max(0, total)
        var sizes = constraints.map { c -> Int in
            switch c {
            case .fixed(let n), .min(let n): return max(0, n)
            case .percentage(let p): return total * Swift.min(100, Swift.max(0, p)) / 100
            }
        }
        let asked = sizes.reduce(0, +)
        if asked <= total {
            let extra = total - asked
            let growable = constraints.indices.filter { if case .min = constraints[$0] { return true } else { return false } }
            if growable.isEmpty {
                sizes[sizes.count - 1] += extra
            } else {
                let share = extra / growable.count, remainder = extra % growable.count
                for (k, i) in growable.enumerated() { sizes[i] += share + (k < remainder ? 1 : 0) }
            }
            return sizes
        }
        var deficit = asked - total
        let flexible = constraints.indices.reversed().filter { if case .fixed = constraints[$0] { return false } else { return true } }
        let fixed = constraints.indices.reversed().filter { if case .fixed = constraints[$0] { return true } else { return false } }
        for i in flexible + fixed where deficit > 0 {
            let cut = Swift.min(sizes[i], deficit)
            sizes[i] -= cut
            deficit -= cut
        }
        return sizes
    }
}
