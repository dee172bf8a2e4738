/// Common function words, left out of Insight's terms: English, and the most frequent of the
/// other languages threat feeds mix in (Spanish, Portuguese, French, Italian, German, Russian), so a
/// cluster of Spanish lures is named by its content, not by "de, para, por".
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

    /// The most frequent function words of Spanish, Portuguese, French, Italian, German and Russian.
    /// Words that are also English content words in threat text ("con", "die", "war", "son",
    /// "hat", "sin") are not among them.
    public static let otherLanguages: Set<String> = [
        // Spanish
        "de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un", "para", "una", "su", "al",
        "lo", "como", "más", "pero", "sus", "le", "ya", "este", "sí", "porque", "esta", "entre", "cuando",
        "muy", "sobre", "también", "hasta", "hay", "donde", "desde", "todo", "nos", "les", "ni", "ese",
        "eso", "esto", "yo", "otro", "otra", "él", "esa", "estos", "ella", "estas", "mi", "mis", "tú", "te",
        "tu", "tus", "es", "está", "usted", "ustedes",
        // Portuguese
        "o", "da", "em", "um", "é", "com", "não", "uma", "os", "na", "mais", "dos", "ao",
        "ele", "das", "tem", "à", "seu", "sua", "ou", "ser", "quando", "muito", "há", "já", "só",
        "pelo", "pela", "até", "isso", "sem", "aos", "seus", "quem", "nas", "esse", "essa", "você", "nem",
        "suas", "meu", "às", "minha", "numa", "pelos", "nós", "lhe", "seja",
        // French
        "et", "des", "du", "une", "est", "pour", "qui", "dans", "pas", "au", "sur", "ne", "ce", "il",
        "sont", "avec", "aux", "sa", "ses", "nous", "vous", "votre", "vos", "leur", "leurs", "cette",
        "ces", "été", "être", "je", "elle", "ils", "elles", "notre", "mon", "ma", "mes", "ton",
        "ta", "tes", "lui", "qu",
        // Italian
        "di", "che", "non", "sono", "gli", "della", "alla", "dei", "nel", "più", "anche",
        "questo", "delle", "nella", "loro", "suo", "ci", "vi", "tra", "dal", "è", "ho", "hai", "abbiamo",
        "siamo", "vostro", "vostra", "nostro", "nostra",
        // German
        "der", "und", "den", "von", "zu", "mit", "sich", "auf", "für", "ist", "im", "dem",
        "nicht", "ein", "eine", "als", "auch", "werden", "aus", "er", "dass", "sie", "nach", "wird",
        "bei", "einer", "sind", "noch", "wie", "einem", "über", "einen", "zum", "haben", "nur",
        "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "ihr", "ihre", "ihren",
        "ihrem", "wir", "ich", "mein", "dein", "unser", "sehr", "hier", "dann", "kann", "können",
        "bitte", "ihnen",
        // Russian
        "в", "и", "на", "не", "что", "с", "по", "для", "от", "за", "из", "к", "как", "это", "все", "так",
        "но", "у", "же", "или", "а", "до", "мы", "вы", "я", "он", "она", "они", "его", "их", "при", "без",
        "под", "уже", "еще", "ещё", "только", "есть", "был", "была", "были", "будет", "вам", "нас", "нам",
        "вас", "мне", "меня", "ты", "то", "бы", "ли", "если", "когда", "там", "тут",
    ]

    /// Every function word Insight leaves out.
    public static let all: Set<String> = english.union(otherLanguages)
}
