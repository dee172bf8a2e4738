import Core
@testable import Insight

/// Small constructed corpora with known structure.
enum Fixtures {
    /// Splits on spaces (keeps tests independent of the Engine's tokenizer).
    static let words: TermTokenizer = { $0.split(separator: " ").map(String.init) }

    static let topics: [[String]] = [
        ["invoice", "payment", "wire", "bank", "account", "transfer", "urgent", "refund", "iban", "swift"],
        ["ransomware", "encrypt", "payload", "dropper", "loader", "beacon", "c2", "implant", "shellcode", "persistence"],
        ["password", "login", "reset", "verify", "mailbox", "credential", "portal", "sso", "expire", "token"],
    ]

    /// `perTopic` messages of each topic, topic-major order; each draws 5 of its topic's 10 words.
    static func topicTexts(perTopic: Int, seed: UInt64 = 1) -> [(text: String, topic: Int)] {
        var rng = SeededGenerator(seed: seed)
        var out: [(String, Int)] = []
        for (t, vocab) in topics.enumerated() {
            for _ in 0..<perTopic {
                let picks = rng.sample(vocab.count, count: 5).map { vocab[$0] }
                out.append((picks.joined(separator: " "), t))
            }
        }
        return out
    }

    /// A store holding `texts`, ids `m0`, `m1`…, with optional time stamps.
    static func store(_ texts: [String], ts: [String?]? = nil) -> MessageStore {
        var s = MessageStore()
        for (i, t) in texts.enumerated() {
            s.append(Message(id: "m\(i)", text: t, ts: ts?[i]))
        }
        return s
    }
}
