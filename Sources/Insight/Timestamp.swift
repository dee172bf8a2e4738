/// Parses message time stamps (ISO 8601 subset, or epoch seconds/milliseconds) into seconds.
///
/// Accepted: `2026-06-03`, `2026-06-03T14:05`, `2026-06-03 14:05:09.123`, with an
/// optional `Z` or `±HH:MM` offset, and plain integers (epoch seconds, or
/// milliseconds above 10^11). Hand-written because it runs on every message.
enum Timestamp {
    /// Seconds since 1970-01-01 UTC, or nil when the text is not a recognised time.
    static func seconds(_ text: String) -> Double? {
        let b = Array(text.utf8)
        guard !b.isEmpty else { return nil }
        if b.allSatisfy({ $0 >= 48 && $0 <= 57 }), b.count <= 15, let v = Double(text) {
            return v > 1e11 ? v / 1000 : v
        }
        guard b.count >= 10, b[4] == 45, b[7] == 45,
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var secs = Double(daysFromCivil(year, month, day)) * 86_400
        var p = 10
        if p < b.count, b[p] == 84 || b[p] == 116 || b[p] == 32 {
            guard p + 6 <= b.count, let h = number(b, p + 1, 2), b[p + 3] == 58, let m = number(b, p + 4, 2) else { return nil }
            secs += Double(h * 3600 + m * 60)
            p += 6
            if p + 3 <= b.count, b[p] == 58, let s = number(b, p + 1, 2) {
                secs += Double(s)
                p += 3
                if p < b.count, b[p] == 46 || b[p] == 44 {
                    var scale = 0.1
                    p += 1
                    while p < b.count, b[p] >= 48, b[p] <= 57 {
                        secs += Double(b[p] - 48) * scale
                        scale /= 10
                        p += 1
                    }
                }
            }
        }
        if p < b.count, b[p] == 43 || b[p] == 45 {
            let sign: Double = b[p] == 43 ? 1 : -1
            guard let h = number(b, p + 1, 2) else { return nil }
            let colon = p + 3 < b.count && b[p + 3] == 58 ? 1 : 0
            let m = number(b, p + 3 + colon, 2) ?? 0
            secs -= sign * Double(h * 3600 + m * 60)
        }
        return secs
    }

    /// Decimal value of `count` ASCII digits at `start`.
    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var v = 0
        for i in start..<(start + count) {
            guard b[i] >= 48 && b[i] <= 57 else { return nil }
            v = v * 10 + Int(b[i] - 48)
        }
        return v
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
