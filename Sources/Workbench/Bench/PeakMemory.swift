import Foundation

/// Reads the process's memory figures from `/proc/self/status` (Linux).
public enum PeakMemory {
    /// Peak resident set size (`VmHWM`) in MiB, or nil where `/proc` is missing.
    public static func peakMiB() -> Double? { field("VmHWM:") }

    /// Current resident set size (`VmRSS`) in MiB, or nil where `/proc` is missing.
    public static func currentMiB() -> Double? { field("VmRSS:") }

    /// The value in kB of a `/proc/self/status` line, converted to MiB.
    static func field(_ name: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
            if let kb = Double(digits) { return kb / 1024 }
        }
        return nil
    }
}
