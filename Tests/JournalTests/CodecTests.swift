import Core
import Foundation
@testable import Journal
import Testing

@Suite struct CodecTests {
    /// A line body with a correct checksum appended.
    func signed(_ body: String) -> [UInt8] {
        let b = Array(body.utf8)
        return b + Array(#","crc":""#.utf8) + CRC32.hex(CRC32.checksum(b)) + Array("\"}".utf8)
    }

    @Test func crcMatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func everyEventTypeRoundTrips() throws {
        for (i, e) in Fixtures.everyEvent.enumerated() {
            let r = Fixtures.record(i + 1, e)
            let line = RecordCodec.encode(r)
            #expect(line.last == 10)
            let back = try RecordCodec.decode(line).get()
            #expect(back == r, "event \(e.typeName) did not round-trip")
        }
    }

    @Test func lineLayoutIsFixedAndReadable() throws {
        let line = String(decoding: RecordCodec.encode(Fixtures.record(7, .undo(seq: 3))), as: UTF8.self)
        #expect(line.hasPrefix(#"{"v":1,"seq":7,"ts":"2026-11-21T22:48:51.123Z","actor":"ana","type":"undo","data":{"seq":3},"crc":""#))
        #expect(line.hasSuffix("\"}\n"))
        let prefix = Array(line.utf8.prefix(line.utf8.count - 19))
        let crc = String(line.dropLast(3).suffix(8))
        #expect(crc == String(decoding: CRC32.hex(CRC32.checksum(prefix)), as: UTF8.self))
        // Standard JSON parsers read it.
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(obj?["type"] as? String == "undo")
    }

    @Test func alteredByteIsDetected() {
        var line = RecordCodec.encode(Fixtures.record(1, Fixtures.label("m1", "phishing")))
        line.removeLast()
        if let i = line.firstIndex(of: UInt8(ascii: "p")) { line[i] = UInt8(ascii: "q") }
        guard case .failure(let p) = RecordCodec.decode(line) else {
            Issue.record("altered line was accepted")
            return
        }
        #expect(p.kind == .checksum)
    }

    @Test func truncatedLineIsTorn() {
        let line = RecordCodec.encode(Fixtures.record(1, Fixtures.label("m1", "phishing")))
        for cut in [1, 10, line.count / 2, line.count - 3] {
            guard case .failure(let p) = RecordCodec.decode(Array(line.prefix(cut))) else {
                Issue.record("cut at \(cut) accepted")
                continue
            }
            #expect(p.kind == .torn || p.kind == .checksum)
        }
    }

    @Test func unknownTypeIsUnsupportedWithClearReason() {
        let body = signed(#"{"v":1,"seq":1,"ts":"2026-11-21T22:48:51.123Z","actor":"ana","type":"teleport","data":{}"#)
        guard case .failure(let p) = RecordCodec.decode(body) else {
            Issue.record("unknown type accepted")
            return
        }
        #expect(p.kind == .unsupported)
        #expect(p.reason.contains("teleport"))
    }

    @Test func wrongFieldTypeNamesTheField() {
        let body = signed(#"{"v":1,"seq":1,"ts":"t","actor":"ana","type":"label","data":{"message_id":5,"label":"x"}"#)
        guard case .failure(let p) = RecordCodec.decode(body) else {
            Issue.record("wrong type accepted")
            return
        }
        #expect(p.kind == .invalid)
        #expect(p.reason.contains("message_id"))
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        let d = Date(timeIntervalSince1970: 1_795_301_331.1235)
        let s = Timestamp.string(d)
        #expect(s == "2026-11-21T22:48:51.123Z")
        #expect(Timestamp.parse(s).map { abs($0.timeIntervalSince1970 - 1_795_301_331.123) < 0.001 } == true)
        #expect(Timestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.parse("2026-13-01T00:00:00.000Z") == nil)
    }

    @Test func jsonParserHandlesEscapesAndRejectsDeepNesting() throws {
        let v = try JSONParser.parse(Array(#"{"a":"x\"\n\u00e9\ud83d\ude80","b":[1,2.5,-3e2,true,null]}"#.utf8))
        #expect(v.objectValue?["a"]?.stringValue == "x\"\né🚀")
        #expect(v.objectValue?["b"] == .array([.int(1), .double(2.5), .double(-300), .bool(true), .null]))
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONParseError.self) { _ = try JSONParser.parse(deep) }
    }
}
