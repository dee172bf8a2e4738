/// Recognition of threat indicators (URLs, IPs, e-mail, hashes, CVE ids, domains).
extension Tokenizer {
    /// A recognized indicator: its token, an optional host token, and whether
    /// the chunk's word parts should be emitted as well.
    struct Entity {
        var token: Token
        var host: Token?
        var keepWords: Bool
    }

    /// A refanged, lower-cased copy of a chunk with a map back to original offsets.
    struct Refanged {
        var bytes: [UInt8] = []
        var start: [Int] = []
        var end: [Int] = []
        var defanged = false

        mutating func append(_ c: UInt8, _ s: Int, _ e: Int) {
            bytes.append(c); start.append(s); end.append(e)
        }

        /// Original byte range of normalized bytes `[a, b)`.
        func originalRange(_ a: Int, _ b: Int) -> Range<Int> { start[a]..<end[b - 1] }

        func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
    }

    /// Defang spellings and what they stand for.
    static let defangs: [(pattern: [UInt8], replacement: [UInt8])] = [
        ("[.]", "."), ("(.)", "."), ("{.}", "."), ("[dot]", "."), ("(dot)", "."),
        ("[://]", "://"), ("[:]", ":"), ("[@]", "@"), ("(@)", "@"), ("[at]", "@"), ("(at)", "@"), ("[/]", "/"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static let hxxp = Array("hxxp".utf8), fxp = Array("fxp://".utf8), cvePrefix = Array("cve-".utf8)
    /// URL schemes, then `www.` (last: the host starts at 0).
    static let urlPrefixes = ["http://", "https://", "ftp://", "www."].map { Array($0.utf8) }

    /// Top-level domains that make an undefanged `a.b` a domain (file extensions are not domains).
    static let knownTLDs: Set<String> = [
        "com", "net", "org", "io", "ru", "cn", "info", "biz", "xyz", "top", "gov", "edu", "mil", "co", "uk",
        "de", "fr", "jp", "kr", "br", "in", "us", "eu", "me", "tk", "cc", "su", "ir", "kp", "onion", "site",
        "online", "club", "live", "app", "dev", "cloud", "pw", "ws", "ua", "by", "kz", "tw", "hk", "vn", "nl",
        "it", "es", "pl", "ca", "au", "ch", "se", "no", "fi", "be", "at", "cz", "ro", "tr", "il", "sg", "id",
    ]

    /// Recognizes an indicator in the trimmed chunk `[s, e)`, or returns nil.
    static func recognizeEntity(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Entity? {
        var punct = false, hex = true
        for k in s..<e {
            let c = b[k]
            if c >= 0x80 { return nil }
            switch c {
            case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "["),
                 UInt8(ascii: "("), UInt8(ascii: "{"), UInt8(ascii: "-"):
                punct = true
            default: break
            }
            if hex && !isHex(c) { hex = false }
        }
        let len = e - s
        if hex {
            guard len == 32 || len == 40 || len == 64 else { return nil }
            return Entity(token: Token(text: lowerASCII(b, s, e), range: s..<e, kind: .hash), host: nil, keepWords: false)
        }
        guard punct else { return nil }
        let r = refang(b, s, e)
        let n = r.bytes
        let whole = s..<e
        if let hostStart = urlHostStart(n) {
            var hostEnd = hostStart
            while hostEnd < n.count, !"/?#".utf8.contains(n[hostEnd]) { hostEnd += 1 }
            var hs = hostStart
            if let at = n[hostStart..<hostEnd].lastIndex(of: UInt8(ascii: "@")) { hs = at + 1 }
            var he = hs
            while he < hostEnd, n[he] != UInt8(ascii: ":") { he += 1 }
            guard he > hs else { return nil }
            let hostBytes = Array(n[hs..<he])
            var host: Token?
            if isIPv4(hostBytes[...]) {
                host = Token(text: r.text(hs, he), range: r.originalRange(hs, he), kind: .ip)
            } else if isHostname(hostBytes[...]) {
                host = Token(text: r.text(hs, he), range: r.originalRange(hs, he), kind: .domain)
            }
            return Entity(token: Token(text: r.text(0, n.count), range: whole, kind: .url), host: host, keepWords: true)
        }
        if let at = n.firstIndex(of: UInt8(ascii: "@")), at > 0, at + 1 < n.count {
            let local = n[0..<at], domain = n[(at + 1)...]
            if local.allSatisfy({ isASCIIWord($0) || ".%+-".utf8.contains($0) }), isHostname(domain), domain.contains(UInt8(ascii: ".")) {
                let host = Token(text: r.text(at + 1, n.count), range: r.originalRange(at + 1, n.count), kind: .domain)
                return Entity(token: Token(text: r.text(0, n.count), range: whole, kind: .email), host: host, keepWords: true)
            }
            return nil
        }
        if isCVE(n) {
            return Entity(token: Token(text: r.text(0, n.count), range: whole, kind: .cve), host: nil, keepWords: true)
        }
        if isIPv4WithSuffix(n) || isIPv6(n) {
            return Entity(token: Token(text: r.text(0, n.count), range: whole, kind: .ip), host: nil, keepWords: false)
        }
        if isHostname(n[...]), let dot = n.lastIndex(of: UInt8(ascii: ".")) {
            let tld = String(decoding: n[(dot + 1)...], as: UTF8.self)
            if r.defanged || knownTLDs.contains(tld) {
                return Entity(token: Token(text: r.text(0, n.count), range: whole, kind: .domain), host: nil, keepWords: true)
            }
        }
        return nil
    }

    /// Lower-cases and refangs `[s, e)`, keeping a map to original offsets.
    static func refang(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Refanged {
        var r = Refanged()
        r.bytes.reserveCapacity(e - s)
        var k = s
        outer: while k < e {
            let c = b[k]
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "(") || c == UInt8(ascii: "{") {
                for (p, rep) in defangs where k + p.count <= e {
                    var ok = true
                    for q in 0..<p.count where (b[k + q] | (b[k + q] >= 0x41 && b[k + q] <= 0x5A ? 0x20 : 0)) != p[q] {
                        ok = false; break
                    }
                    if ok {
                        for x in rep { r.append(x, k, k + p.count) }
                        r.defanged = true
                        k += p.count
                        continue outer
                    }
                }
            }
            r.append((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c, k, k + 1)
            k += 1
        }
        // hxxp:// and fxp:// prefixes.
        if r.bytes.starts(with: hxxp) { r.bytes[1] = UInt8(ascii: "t"); r.bytes[2] = UInt8(ascii: "t"); r.defanged = true }
        if r.bytes.starts(with: fxp) { r.bytes[1] = UInt8(ascii: "t"); r.bytes.insert(UInt8(ascii: "p"), at: 2)
            r.start.insert(r.start[1], at: 2); r.end.insert(r.end[1], at: 2); r.defanged = true }
        return r
    }

    /// Index where the host starts if `n` is a URL.
    static func urlHostStart(_ n: [UInt8]) -> Int? {
        for (k, p) in urlPrefixes.enumerated() where n.count > p.count && n.starts(with: p) {
            return k == urlPrefixes.count - 1 ? 0 : p.count
        }
        return nil
    }

    @inline(__always)
    static func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }

    static func isHostname(_ h: ArraySlice<UInt8>) -> Bool {
        let labels = h.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, (2...24).contains(tld.count),
              tld.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        for l in labels {
            guard !l.isEmpty, l.first != UInt8(ascii: "-"), l.last != UInt8(ascii: "-"),
                  l.allSatisfy({ isASCIIWord($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        return true
    }

    static func isIPv4(_ h: ArraySlice<UInt8>) -> Bool {
        let parts = h.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard (1...3).contains(p.count), p.allSatisfy(isDigit) else { return false }
            var v = 0
            for d in p { v = v * 10 + Int(d - 0x30) }
            if v > 255 { return false }
        }
        return true
    }

    /// IPv4 with an optional `:port` or `/prefix`.
    static func isIPv4WithSuffix(_ n: [UInt8]) -> Bool {
        if let k = n.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") }) {
            let rest = n[(k + 1)...]
            return !rest.isEmpty && rest.count <= 5 && rest.allSatisfy(isDigit) && isIPv4(n[..<k])
        }
        return isIPv4(n[...])
    }

    static func isIPv6(_ n: [UInt8]) -> Bool {
        let colons = n.reduce(0) { $0 + ($1 == UInt8(ascii: ":") ? 1 : 0) }
        guard colons >= 2, colons <= 7, n.allSatisfy({ isHex($0) || $0 == UInt8(ascii: ":") }) else { return false }
        let hasDouble = n.indices.dropLast().contains { n[$0] == UInt8(ascii: ":") && n[$0 + 1] == UInt8(ascii: ":") }
        guard hasDouble || colons == 7 else { return false }
        let groups = n.split(separator: UInt8(ascii: ":"))
        return !groups.isEmpty && groups.allSatisfy { $0.count <= 4 }
    }

    static func isCVE(_ n: [UInt8]) -> Bool {
        guard n.count >= 13, n.starts(with: cvePrefix) else { return false }
        let rest = n[4...]
        let parts = rest.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 4 && parts[1].count >= 4
            && parts[0].allSatisfy(isDigit) && parts[1].allSatisfy(isDigit)
    }
}
