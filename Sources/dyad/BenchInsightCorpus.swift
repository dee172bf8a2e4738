import Core
import Insight

/// Deterministic synthetic messages for `dyad bench-insight`.
///
/// `topics` topics of 30 words each, a shared vocabulary of 3,000 words drawn
/// with a Zipf-like skew, a unique indicator-like token in one message of ten,
/// time stamps over January–June 2026, and in the last 5% a campaign whose
/// words never appeared before (so emerging terms have something to find).
struct BenchInsightCorpus {
    var count: Int
    var topics = 24
    var seed: UInt64 = 7

    static let syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "zo", "pe", "su", "da", "fi", "gor", "hul", "jen", "bri"]

    /// A pronounceable word for number `i` (distinct numbers give distinct words).
    static func word(_ i: Int, syllableCount: Int) -> String {
        var s = "", x = i
        for _ in 0..<syllableCount {
            s += syllables[x % syllables.count]
            x /= syllables.count
        }
        return s
    }

    /// The messages and the topic of each (`topics` for the campaign).
    func make() -> (store: MessageStore, topic: [Int]) {
        var rng = SeededGenerator(seed: seed)
        let general = (0..<3_000).map { Self.word($0, syllableCount: 3) + "s" }
        let topicWords = (0...topics).map { t in (0..<30).map { Self.word(t * 30 + $0, syllableCount: 4) } }
        var store = MessageStore()
        store.reserve(count, bytesEach: 110)
        var topicOf: [Int] = []
        topicOf.reserveCapacity(count)
        let campaignStart = count - count / 20
        let start = 1_767_225_600.0, span = 181.0 * 86_400
        for i in 0..<count {
            let t = i >= campaignStart && rng.next() % 2 == 0 ? topics : Int(rng.next() % UInt64(topics))
            var words: [String] = []
            for _ in 0..<6 { words.append(topicWords[t][Int(rng.next() % 30)]) }
            for _ in 0..<8 {
                let u = rng.unit()
                words.append(general[min(general.count - 1, Int(u * u * u * Double(general.count)))])
            }
            if rng.next() % 10 == 0 { words.append(String(rng.next(), radix: 16)) }
            let seconds = Int(start + span * Double(i) / Double(max(1, count)))
            store.append(Message(id: "b\(i)", text: words.joined(separator: " "), ts: String(seconds)))
            topicOf.append(t)
        }
        return (store, topicOf)
    }
}
