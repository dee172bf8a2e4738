import Core
import Engine

extension TermIndex {
    /// Terms as Insight counts them: the Engine's tokens minus numbers, emoji,
    /// one-letter words, English stop words and markup tag names.
    ///
    /// Indicator tokens (URLs, domains, IPs, hashes, CVE ids, e-mail addresses)
    /// are kept whole, so a campaign's infrastructure shows up as terms. A CVE id
    /// counts once, whole: the word parts the Engine also gives it (`cve`, its year)
    /// are for the classifier, and as terms they would only repeat the id.
    public static let engineTerms: TermTokenizer = { text in
        var out: [String] = []
        var cve: Range<Int>?
        // Markup tags (`<code>…</code>` in ATT&CK's procedures) are not terms: their names would
        // name the biggest clusters.
        let bytes: [UInt8]? = text.utf8.contains(0x3C) ? Array(text.utf8) : nil
        for t in Tokenizer.tokenize(text) {
            switch t.kind {
            case .number, .emoji:
                continue
            case .word:
                if t.text.utf8.count < 2 || StopWords.english.contains(t.text) { continue }
                if let c = cve, c.contains(t.range.lowerBound) { continue }
                if let b = bytes, isTagName(b, t.range) { continue }
            case .cve:
                cve = t.range
            case .url, .domain, .ip, .email, .hash:
                break
            }
            out.append(t.text)
        }
        return out
    }

    /// Whether the word at `r` is a markup tag's name: `<code>`, `</code>`, `<br/>`.
    static func isTagName(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var s = r.lowerBound - 1
        if s >= 0, b[s] == UInt8(ascii: "/") { s -= 1 }
        guard s >= 0, b[s] == UInt8(ascii: "<"), r.upperBound < b.count else { return false }
        let e = b[r.upperBound]
        return e == UInt8(ascii: ">") || (e == UInt8(ascii: "/") && r.upperBound + 1 < b.count && b[r.upperBound + 1] == UInt8(ascii: ">"))
    }

    /// Tokenizes every message of `store` with the Engine's tokenizer (``engineTerms``).
    public init(store: MessageStore, options: VectorizerOptions = .init()) {
        self.init(store: store, options: options, tokenize: Self.engineTerms)
    }
}
