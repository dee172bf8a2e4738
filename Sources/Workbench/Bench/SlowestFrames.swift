import Terminal

/// The ten slowest frames of a key run with their keys, kept as the frames come (a short
/// bounded list, not every frame), for the line `dyad bench` prints on stderr.
struct SlowestFrames {
    private var frames: [(ms: Double, cpu: Double?, key: Key)] = []

    /// Notes one frame: wall milliseconds, the key loop's CPU milliseconds when measured, the key.
    mutating func add(_ ms: Double, cpu: Double? = nil, key: Key) {
        frames.append((ms, cpu, key))
        if frames.count > 40 { frames = Array(frames.sorted { $0.ms > $1.ms }.prefix(10)) }
    }

    /// `23/19 char("9"), 16/15 char("2"), …` (wall/CPU ms and key; wall alone without CPU), slowest first.
    var summary: String {
        frames.sorted { $0.ms > $1.ms }.prefix(10)
            .map { "\(Int($0.ms.rounded()))\($0.cpu.map { "/\(Int($0.rounded()))" } ?? "") \($0.key)" }
            .joined(separator: ", ")
    }
}
