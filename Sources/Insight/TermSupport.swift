import Core
import Engine

/// How many labeled messages of each label hold each of a set of terms: the
/// evidence behind a lexicon suggestion. Terms are named as `Classifier.topTerms`
/// names them: a token's normalized text, or two adjacent tokens joined by a space.
public enum TermSupport {
    /// Counts, for every term of `terms`, the labeled messages per label that contain it.
    /// At most `limit` labeled messages are read (every k-th in index order when there are
    /// more), so the cost stays bounded with a hundred thousand decisions.
    public static func count(_ terms: Set<String>, store: MessageStore, labels: [Int: String],
                             limit: Int = 20_000) -> [TermLabel: Int] {
        guard !terms.isEmpty, !labels.isEmpty else { return [:] }
        let indices = labels.keys.sorted()
        let step = max(1, (indices.count + limit - 1) / limit)
        var out: [TermLabel: Int] = [:]
        var seen = Set<String>()
        for k in stride(from: 0, to: indices.count, by: step) {
            let i = indices[k]
            guard let label = labels[i], i < store.count else { continue }
            let tokens = Tokenizer.tokenize(store.text(i))
            seen.removeAll(keepingCapacity: true)
            for (j, t) in tokens.enumerated() {
                if terms.contains(t.text) { seen.insert(t.text) }
                if j + 1 < tokens.count {
                    let pair = t.text + " " + tokens[j + 1].text
                    if terms.contains(pair) { seen.insert(pair) }
                }
            }
            for term in seen { out[TermLabel(term: term, label: label), default: 0] += 1 }
        }
        return out
    }
}
