import Core
import Engine

extension TermIndex {
    /// Terms as Insight counts them: the Engine's tokens minus numbers, emoji,
    /// one-letter words and English stop words.
    ///
    /// Indicator tokens (URLs, domains, IPs, hashes, CVE ids, e-mail addresses)
    /// are kept whole, so a campaign's infrastructure shows up as terms.
    public static let engineTerms: TermTokenizer = { text in
        var out: [String] = []
        for t in Tokenizer.tokenize(text) {
            switch t.kind {
            case .number, .emoji:
                continue
            case .word:
                if t.text.utf8.count < 2 || StopWords.english.contains(t.text) { continue }
            case .url, .domain, .ip, .email, .hash, .cve:
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
