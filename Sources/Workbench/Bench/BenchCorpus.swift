import Foundation
import Journal

/// Writes a synthetic messages file for the benchmark and the scale tests.
///
/// With the MITRE ATT&CK sentences (`bench/data/attack_train.jsonl`, one
/// `{"text", "label"}` object a line) each message is one sentence wrapped in
/// seeded variations — host, source address, defanged domain, hash, ticket — to
/// about 200 characters, labelled with its tactic. Without it, messages are
/// built from a vocabulary of threat and benign phrases. The same seed writes
/// the same file.
public enum BenchCorpus {
    /// What was written.
    public struct Info: Sendable {
        /// Messages written.
        public var count: Int
        /// Bytes written.
        public var bytes: Int
        /// Where the texts came from (`attack` or `vocabulary`).
        public var source: String
        /// Distinct gold labels.
        public var labels: [String]
    }

    /// Writes `count` messages as JSON Lines to `url` (ids `b0000001`…, with a `gold` label).
    public static func write(to url: URL, count: Int, seed: UInt64 = 7, attackPath: String? = nil) throws -> Info {
        let base = attackPath.flatMap(loadAttack) ?? vocabularyBase()
        let source = attackPath.flatMap(loadAttack) == nil ? "vocabulary" : "attack"
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url) else {
            throw WorkbenchError.benchFailed("cannot create \(url.path): check that its folder exists and is writable")
        }
        defer { try? handle.close() }
        var rng = BenchRandom(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        var bytes = 0
        for i in 0..<count {
            let (text, label) = base[rng.below(base.count)]
            let line = "{\"id\":\"b\(pad(i + 1))\",\"text\":" + quoted(vary(text, &rng)) + ",\"gold\":" + quoted(label) + "}\n"
            out.append(contentsOf: line.utf8)
            if out.count >= 1 << 20 {
                try handle.write(contentsOf: out)
                bytes += out.count
                out.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: out)
        bytes += out.count
        return Info(count: count, bytes: bytes, source: source, labels: Array(Set(base.map(\.1))).sorted())
    }

    /// Seven digits, zero-padded.
    static func pad(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 7 ? s : String(repeating: "0", count: 7 - s.count) + s
    }

    /// `s` as a JSON string literal.
    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        JSONWriter.writeString(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Wraps a base sentence in seeded context so messages differ and reach about 200 characters.
    static func vary(_ text: String, _ rng: inout BenchRandom) -> String {
        let hosts = ["WS", "SRV", "LT", "DC", "VPN", "MAIL", "DB"]
        let tlds = ["com", "net", "top", "info", "xyz", "ru", "io"]
        let words = ["update", "cdn", "secure", "login", "files", "sync", "portal", "cloud", "auth", "mail"]
        let seen = ["Seen on", "Alert from", "Ticket for", "Report on", "EDR hit on", "Analyst note:"]
        var parts: [String] = []
        parts.append("\(rng.pick(seen)) \(rng.pick(hosts))-\(1000 + rng.below(9000)):")
        parts.append(text)
        var tail: [String] = []
        if rng.below(2) == 0 {
            tail.append("src \(rng.below(223) + 1).\(rng.below(256)).\(rng.below(256)).\(rng.below(254) + 1)")
        }
        if rng.below(2) == 0 {
            tail.append("via hxxp://\(rng.pick(words))-\(rng.pick(words))\(rng.below(100))[.]\(rng.pick(tlds))")
        }
        if rng.below(3) == 0 {
            tail.append("sha256 " + String((0..<4).map { _ in rng.next() }.map { String($0, radix: 16) }.joined().prefix(64)))
        }
        tail.append("case \(10_000 + rng.below(90_000))")
        var result = parts.joined(separator: " ") + " " + tail.joined(separator: ", ")
        if result.count < 170 { result += ". " + rng.pick(fillers) }
        return result
    }

    static let fillers = [
        "Escalated by the night shift after a second hit within the hour.",
        "Same pattern as last week, please compare with the earlier report.",
        "User says they did not start this; machine isolated pending review.",
        "Low priority unless it repeats on another host.",
        "Forwarded from the partner CERT feed, confidence medium.",
    ]

    /// The ATT&CK sentences with their tactic, or nil when the file is missing or empty.
    static func loadAttack(_ path: String) -> [(String, String)]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var out: [(String, String)] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = obj["text"] as? String, let label = obj["label"] as? String, !text.isEmpty else { continue }
            out.append((text, label))
        }
        return out.isEmpty ? nil : out
    }

    /// Threat and benign sentences built from phrase parts.
    static func vocabularyBase() -> [(String, String)] {
        let groups: [(String, [String], [String])] = [
            ("phishing", ["Verify your account now", "Your mailbox is almost full", "Payment failed, update your card",
                          "Password expires today"], ["or it will be suspended", "to keep receiving mail", "at the secure portal",
                                                     "using the link below"]),
            ("malware", ["Invoice attached, enable macros", "Loader drops a DLL in ProgramData", "Beacon calls home every 60 seconds",
                         "Ransom note found on the share"], ["after the scheduled task runs", "from a signed binary", "over HTTPS",
                                                            "on three hosts"]),
            ("data-leak", ["Selling fresh combo list", "Database dump with emails", "Customer records posted",
                           "Source code archive offered"], ["escrow accepted", "contact on telegram", "sample inside",
                                                           "price negotiable"]),
            ("scam", ["You won a gift card", "Crypto giveaway doubles your coins", "Urgent wire transfer for the CEO",
                      "Parcel held, pay customs fee"], ["claim within 24h", "send first to verify", "keep it confidential",
                                                       "pay 1.99 EUR"]),
            ("benign", ["Team lunch moved to Thursday", "Quarterly report attached", "Build is green again",
                        "Standup notes are in the wiki"], ["see you there", "comments welcome", "after the flaky test fix",
                                                          "thanks everyone"]),
        ]
        var out: [(String, String)] = []
        for (label, heads, tails) in groups {
            for h in heads { for t in tails { out.append(("\(h) \(t)", label)) } }
        }
        return out
    }
}
