import Testing
@testable import Engine

/// The text a token's byte range covers in the original string.
func slice(_ text: String, _ r: Range<Int>) -> String {
    String(decoding: Array(text.utf8)[r], as: UTF8.self)
}

@Suite struct TokenizerTests {
    @Test func wordsAreLowerCasedWithByteRanges() {
        let text = "APT28 used Mimikatz, then  LEFT."
        let toks = Tokenizer.tokenize(text)
        #expect(toks.map(\.text) == ["apt28", "used", "mimikatz", "then", "left"])
        for t in toks { #expect(slice(text, t.range).lowercased() == t.text) }
    }

    @Test func accentsCombiningAndWideCharacters() {
        let text = "Café cafe\u{301} 東京 naïve"
        let toks = Tokenizer.tokenize(text)
        #expect(toks.map(\.text) == ["café", "cafe\u{301}", "東", "京", "naïve"])
        #expect(slice(text, toks[1].range) == "cafe\u{301}")
        #expect(slice(text, toks[2].range) == "東")
        #expect(toks[2].range.count == 3)
    }

    @Test func emojiKeepModifiers() {
        let text = "ok 👍🏽 go 👨‍💻!"
        let toks = Tokenizer.tokenize(text)
        #expect(toks.map(\.kind) == [.word, .emoji, .word, .emoji])
        #expect(slice(text, toks[1].range) == "👍🏽")
        #expect(slice(text, toks[3].range) == "👨‍💻")
    }

    @Test func defangedURLAndDomain() throws {
        let text = "Beacon to hxxp://evil-update[.]com/a.php now"
        let toks = Tokenizer.tokenize(text)
        let url = try #require(toks.first { $0.kind == .url })
        #expect(url.text == "http://evil-update.com/a.php")
        #expect(slice(text, url.range) == "hxxp://evil-update[.]com/a.php")
        let dom = try #require(toks.first { $0.kind == .domain })
        #expect(dom.text == "evil-update.com")
        #expect(slice(text, dom.range) == "evil-update[.]com")
        #expect(toks.contains { $0.kind == .word && $0.text == "evil" })
    }

    @Test func addressesHashesCVEsNumbers() throws {
        let md5 = "d41d8cd98f00b204e9800998ecf8427e"
        let text = "from 10.0.0[.]1:443 and fe80::1 mail bad@evil[.]ru hash \(md5.uppercased()) CVE-2024-12345 in 2,048 steps"
        let toks = Tokenizer.tokenize(text)
        let kinds = Dictionary(toks.map { ($0.text, $0.kind) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["10.0.0.1:443"] == .ip)
        #expect(kinds["fe80::1"] == .ip)
        #expect(kinds["bad@evil.ru"] == .email)
        #expect(kinds["evil.ru"] == .domain)
        #expect(kinds[md5] == .hash)
        #expect(kinds["cve-2024-12345"] == .cve)
        // A CVE id keeps its word parts: the id is unique, but "cve" and the year are shared.
        let cve = try #require(toks.firstIndex { $0.kind == .cve })
        #expect(toks[(cve + 1)...].prefix(3).map(\.text) == ["cve", "2024", "12345"])
        #expect(kinds["2,048"] == .number)
        for t in toks where t.kind == .ip || t.kind == .cve {
            #expect(slice(text, t.range).lowercased().replacingOccurrences(of: "[.]", with: ".") == t.text)
        }
    }

    @Test func fileNamesAreNotDomainsAndObfuscationStaysOneWord() {
        let toks = Tokenizer.tokenize("run cmd.exe on p@yp4l")
        #expect(toks.map(\.text) == ["run", "cmd", "exe", "on", "p@yp4l"])
        #expect(!toks.contains { $0.kind == .domain })
    }

    @Test func emptyAndPunctuationOnly() {
        #expect(Tokenizer.tokenize("").isEmpty)
        #expect(Tokenizer.tokenize(" ... !! ").isEmpty)
    }
}
