import Core
import Engine

extension TermIndex {
    /// Terms as Insight counts them: the Engine's tokens minus numbers, emoji,
    /// one-letter words and English stop words.
    ///
    /// Indicator tokens (URLs, domains, IPs, hashes, CVE ids, e-mail addresses)
    /// are kept whole, so a campaign's infrastructure shows up as terms. A CVE id
    /// counts once, whole: the word parts the Engine also gives it (`cve`, its year)
    /// are for the classifier, and as terms they would only repeat the id.
    public static let engineTerms: TermTokenizer = { text in
        var out: [String] = []
        var cve: Range<Int>?
        for t in Tokenizer.tokenize(text) {
            switch t.kind {
            case .number, .emoji:
                continue
            case .word:
                if t.text.utf8.count < 2 || StopWords.english.contains(t.text) { continue }
                if let c = cve, c.contains(t.range.lowerBound) { continue }
            case .cve:
                cve = t.range
            case .url, .domain, .ip, .email, .hash:
                break
            }
            out.append(t.text)
        }
        return out
    }

    /// Tokenizes every message of `store` with the Engine's tokenizer (``engineTerms``).
    public init(store: MessageStore, options: VectorizerOptions = .init()) {
        self.init(store: store, options: options, tokenize: Self.engineTerms)
    }
}
