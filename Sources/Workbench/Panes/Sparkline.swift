/// Tiny charts made of block characters.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value in 0…1 (clamped).
    public static func render(_ values: [Double]) -> String {
        String(values.map { v in blocks[max(0, min(7, Int((min(1, max(0, v)) * 7).rounded())))] })
    }

    /// A horizontal bar of `width` cells filled to `fraction`.
    public static func bar(_ fraction: Double, width: Int) -> String {
        let f = min(1, max(0, fraction))
        let full = Int((f * Double(width)).rounded())
        return String(repeating: "█", count: full) + String(repeating: "░", count: max(0, width - full))
    }

    /// Rolling agreement: for each window end, the share of `true` in the last `window` values.
    public static func rolling(_ flags: [Bool], window: Int, points: Int) -> [Double] {
        guard !flags.isEmpty else { return [] }
        var out: [Double] = []
        let step = max(1, flags.count / max(1, points))
        var end = flags.count
        while end > 0, out.count < points {
            let start = max(0, end - window)
            let slice = flags[start..<end]
            out.append(Double(slice.filter { $0 }.count) / Double(slice.count))
            end -= step
        }
        return out.reversed()
    }
}
