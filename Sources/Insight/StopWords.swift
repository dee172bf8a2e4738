/// Common English function words, left out of Insight's terms.
///
/// Short messages are dominated by these; without them clusters and emerging
/// terms speak about content. The classifier keeps its own view of the text.
public enum StopWords {
    public static let english: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from",
        "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
        "in", "into", "is", "it", "its", "just", "me", "more", "most", "my", "no", "nor", "not", "now",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
        "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "you", "your", "yours", "i'm", "it's", "don't", "can't", "we're", "you're",
        "there's", "that's", "via", "per", "get", "got", "let", "us",
    ]
}
