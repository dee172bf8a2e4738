import Terminal

/// The key presses of the latency run: mostly navigation, a quarter labeling, like an analyst at work.
enum BenchKeys {
    /// `count` keys from a seeded mix of j/k, PgDn/PgUp, G/g and label digits `1…labels`.
    static func script(count: Int, labels: Int, seed: UInt64 = 11) -> [Key] {
        var rng = BenchRandom(seed: seed)
        var keys: [Key] = []
        keys.reserveCapacity(count)
        let digits = max(1, min(9, labels))
        while keys.count < count {
            let r = rng.below(100)
            switch r {
            case 0..<40: keys.append(.char("j"))
            case 40..<55: keys.append(.char("k"))
            case 55..<63: keys.append(.pageDown)
            case 63..<68: keys.append(.pageUp)
            case 68..<71:
                keys.append(.char("G"))
            case 71..<75:
                keys.append(.char("g"))
            default:
                keys.append(.char(Character(String(1 + rng.below(digits)))))
            }
        }
        return keys
    }
}
