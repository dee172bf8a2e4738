/// Splits a message into normalized tokens that remember where they came from.
///
/// Works on the UTF-8 bytes of the text: every token's `range` is a byte range
/// into the original string, so the workbench can highlight it. Text is
/// lower-cased; threat indicators (URLs and their domain, IPv4/IPv6, e-mail
/// addresses, MD5/SHA-1/SHA-256 hashes, CVE ids, numbers) become single
/// normalized tokens, and defanged spellings (`hxxp://`, `example[.]com`,
/// `1.2.3[.]4`) are refanged. URLs, domains, e-mail addresses and CVE ids also
/// yield their word parts, so `cmd.exe` or `evil-update[.]com` still share words
/// with plain text and every CVE id shares the word `cve` (and its year).
/// Ideographs are one token each; emoji keep their modifiers.
public enum Tokenizer {
    /// Tokenizes `text`; tokens come in text order (an entity before its parts).
    public static func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { buf in tokenize(bytes: buf) }
    }

    /// Tokenizes UTF-8 bytes (assumed valid); ranges are offsets into `bytes`.
    static func tokenize(bytes b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 5 + 4)
        var i = 0
        let n = b.count
        while i < n {
            // Skip separators between chunks.
            let (len, isSep) = separatorAt(b, i)
            if isSep { i += len; continue }
            var j = i
            while j < n {
                let (l, sep) = separatorAt(b, j)
                if sep { break }
                j += l
            }
            emitChunk(b, i, j, into: &tokens)
            i = j
        }
        return tokens
    }

    /// Length of the scalar at `i` and whether it separates chunks.
    @inline(__always)
    static func separatorAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Bool) {
        let c = b[i]
        if c < 0x80 {
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x22, 0x3C, 0x3E, 0x60, 0x7C: return (1, true)
            default: return (1, false)
            }
        }
        let (s, l) = decode(b, i)
        return (l, s.properties.isWhitespace || s.value == 0x200B)
    }

    /// Decodes the scalar at `i` (invalid bytes count as U+FFFD of length 1).
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = UInt32(b[i])
        let n = b.count
        var v: UInt32
        var len: Int
        if c0 < 0x80 { return (Unicode.Scalar(UInt8(c0)), 1) }
        if c0 & 0xE0 == 0xC0 { v = c0 & 0x1F; len = 2 }
        else if c0 & 0xF0 == 0xE0 { v = c0 & 0x0F; len = 3 }
        else if c0 & 0xF8 == 0xF0 { v = c0 & 0x07; len = 4 }
        else { return ("\u{FFFD}", 1) }
        if i + len > n { return ("\u{FFFD}", 1) }
        for k in 1..<len {
            let c = UInt32(b[i + k])
            if c & 0xC0 != 0x80 { return ("\u{FFFD}", 1) }
            v = (v << 6) | (c & 0x3F)
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    /// Emits the tokens of one whitespace-free chunk `[s, e)`.
    static func emitChunk(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, into tokens: inout [Token]) {
        let (ts, te) = trimmedEntityBounds(b, s, e)
        if te - ts >= 4, let entity = recognizeEntity(b, ts, te) {
            tokens.append(entity.token)
            if let host = entity.host { tokens.append(host) }
            if !entity.keepWords { return }
        }
        emitWords(b, s, e, into: &tokens)
    }

    /// Bounds of a chunk without surrounding punctuation that cannot end an indicator.
    static func trimmedEntityBounds(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (Int, Int) {
        var s = s, e = e
        while s < e, isOpener(b[s]) { s += 1 }
        while e > s {
            let c = b[e - 1]
            if isTrailingPunctuation(c) { e -= 1; continue }
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                // Keep a closing bracket that belongs to a defang like `[.]` inside.
                let open: UInt8 = c == UInt8(ascii: ")") ? UInt8(ascii: "(") : c == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                var opens = 0, closes = 0
                for k in s..<e { if b[k] == open { opens += 1 } else if b[k] == c { closes += 1 } }
                if closes > opens { e -= 1; continue }
            }
            break
        }
        return (s, e)
    }

    @inline(__always)
    static func isOpener(_ c: UInt8) -> Bool {
        switch c {
        case 0x28, 0x5B, 0x7B, 0x27, 0x22, 0x2A: return true
        default: return false
        }
    }

    @inline(__always)
    static func isTrailingPunctuation(_ c: UInt8) -> Bool {
        switch c {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0x2A: return true
        default: return false
        }
    }

    /// Emits the words, numbers, ideographs and emoji of `[s, e)`.
    static func emitWords(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, into tokens: inout [Token]) {
        var i = s
        while i < e {
            let (sc, l) = decode(b, i)
            let cls = classify(sc)
            switch cls {
            case .other:
                i += l
            case .ideograph:
                tokens.append(Token(text: String(sc).lowercased(), range: i..<(i + l), kind: .word))
                i += l
            case .emoji:
                let end = emojiEnd(b, i + l, e)
                tokens.append(Token(text: string(b, i, end), range: i..<end, kind: .emoji))
                i = end
            case .word:
                var j = i + l
                var ascii = sc.isASCII
                var allDigits = sc.isASCII && isDigit(UInt8(sc.value))
                while j < e {
                    let (c, cl) = decode(b, j)
                    let k = classify(c)
                    if k == .word {
                        if !c.isASCII { ascii = false }
                        if !(c.isASCII && isDigit(UInt8(c.value))) { allDigits = false }
                        j += cl; continue
                    }
                    // `@`, `$` inside a word (obfuscation: p@yp4l); `.`/`,` inside a number.
                    if cl == 1, j + 1 < e {
                        let next = b[j + 1]
                        let nextIsWordish = next >= 0x80 || isASCIIWord(next)
                        if (c == "@" || c == "$"), nextIsWordish { allDigits = false; j += 1; continue }
                        if (c == "." || c == ","), isDigit(b[j - 1]), isDigit(next) { j += 1; continue }
                    }
                    break
                }
                let text = ascii ? lowerASCII(b, i, j) : string(b, i, j).lowercased()
                tokens.append(Token(text: text, range: i..<j, kind: allDigits ? .number : .word))
                i = j
            }
        }
    }

    enum ScalarClass { case word, ideograph, emoji, other }

    @inline(__always)
    static func isASCIIWord(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> ScalarClass {
        if s.isASCII { return isASCIIWord(UInt8(s.value)) ? .word : .other }
        let p = s.properties
        if p.isIdeographic { return .ideograph }
        if p.isEmojiPresentation || (p.isEmoji && s.value >= 0x2100 && !p.isAlphabetic) { return .emoji }
        if p.isAlphabetic || p.numericType != nil { return .word }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .word
        default: return .other
        }
    }

    /// End of an emoji sequence starting before `i` (modifiers, ZWJ joins, variation selectors).
    static func emojiEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Int {
        var j = i
        while j < e {
            let (c, l) = decode(b, j)
            let v = c.value
            if v == 0xFE0F || v == 0x20E3 || (0x1F3FB...0x1F3FF).contains(v) || (0xE0020...0xE007F).contains(v)
                || (0x1F1E6...0x1F1FF).contains(v) {
                j += l; continue
            }
            if v == 0x200D, j + l < e {
                let (_, l2) = decode(b, j + l)
                j += l + l2; continue
            }
            break
        }
        return j
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }

    static func lowerASCII(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        String(unsafeUninitializedCapacity: e - s) { out in
            for k in s..<e {
                let c = b[k]
                out[k - s] = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
            }
            return e - s
        }
    }
}
