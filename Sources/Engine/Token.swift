/// What kind of text a token stands for.
public enum TokenKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// An ordinary word (letters, digits, marks), lower-cased.
    case word
    /// A number (digits, optionally with `.`/`,` inside).
    case number
    /// A URL, refanged and lower-cased (`hxxp://a[.]b` becomes `http://a.b`).
    case url
    /// A domain name (alone or taken from a URL or e-mail address).
    case domain
    /// An IPv4 or IPv6 address (refanged).
    case ip
    /// An e-mail address (refanged, lower-cased).
    case email
    /// An MD5, SHA-1 or SHA-256 hash (lower-cased hex).
    case hash
    /// A CVE identifier, e.g. `cve-2024-1234`.
    case cve
    /// An emoji (with its modifiers).
    case emoji
}

/// One token of a message, with where it sits in the original text.
public struct Token: Sendable, Equatable, Hashable {
    /// The normalized text the model sees (lower-cased, refanged).
    public var text: String
    /// UTF-8 byte offsets of the token in the original text.
    public var range: Range<Int>
    /// What the token stands for.
    public var kind: TokenKind

    /// Creates a token.
    public init(text: String, range: Range<Int>, kind: TokenKind) {
        self.text = text
        self.range = range
        self.kind = kind
    }
}
