import Core
import Testing

/// The store's id index: first message per id, repeated ids, growth, ids of any length.
@Suite struct MessageStoreTests {
    @Test func firstMessageWinsAndRepeatedIdsAreStillStored() {
        var s = MessageStore()
        s.append(Message(id: "a", text: "one"))
        s.append(Message(id: "b", text: "two"))
        s.append(Message(id: "a", text: "three"))
        #expect(s.count == 3)
        #expect(s.index(ofID: "a") == 0)
        #expect(s.index(ofID: "b") == 1)
        #expect(s.index(ofID: "c") == nil)
        #expect(s.index(ofID: "") == nil)
        #expect(s.text(2) == "three")
    }

    @Test func appendNewRefusesATakenIdAndKeepsTheStoreUnchanged() {
        var s = MessageStore()
        let text = Array("hello world".utf8)
        let first = text.withUnsafeBufferPointer { s.appendNew(id: "x1", text: $0, gold: "g") }
        let again = text.withUnsafeBufferPointer { s.appendNew(id: "x1", text: $0, gold: "h") }
        #expect(first == 0)
        #expect(again == nil)
        #expect(s.count == 1)
        #expect(s[0] == Message(id: "x1", text: "hello world", gold: "g"))
        #expect(s.goldLabels == ["g"])
        let next = text.withUnsafeBufferPointer { s.appendNew(id: "x2", text: $0, gold: nil) }
        #expect(next == 1)
        #expect(s.id(1) == "x2" && s.gold(1) == nil)
    }

    @Test func manyIdsOfEveryLengthAreFoundAfterGrowth() {
        var s = MessageStore()
        let n = 50_000
        for i in 0..<n { s.append(Message(id: String(repeating: "k", count: i % 40) + "\(i)", text: "t\(i)")) }
        for i in stride(from: 0, to: n, by: 7) {
            #expect(s.index(ofID: String(repeating: "k", count: i % 40) + "\(i)") == i)
        }
        #expect(s.index(ofID: "k\(n)") == nil)
        var r = MessageStore()
        r.reserve(10)
        for i in 0..<5_000 { r.append(Message(id: "m\(i)", text: "x")) }
        #expect(r.index(ofID: "m4999") == 4999)
        #expect(r.index(ofID: "m5000") == nil)
    }

    @Test func displayIDLeavesOutAPrefixEveryIdShares() {
        var s = MessageStore()
        s.append(Message(id: "relationship--7e3afacc-85c0", text: "a"))
        // One message: nothing is shared with anything, so the whole id shows.
        #expect(s.displayID(0) == "relationship--7e3afacc-85c0")
        s.append(Message(id: "relationship--432e82e0-54e5", text: "b"))
        #expect(s.displayID(0) == "…7e3afacc-85c0")
        #expect(s.displayID(1) == "…432e82e0-54e5")
        // A new id that shares less shortens the prefix for every message.
        let text = Array("c".utf8)
        _ = text.withUnsafeBufferPointer { s.appendNew(id: "relation-x", text: $0, gold: nil) }
        #expect(s.displayID(0) == "…ship--7e3afacc-85c0")
        #expect(s.displayID(2) == "…-x")
        // A refused duplicate id changes nothing.
        _ = text.withUnsafeBufferPointer { s.appendNew(id: "relation-x", text: $0, gold: nil) }
        #expect(s.displayID(2) == "…-x")
        // Short shared prefixes, and an id that is all prefix, show whole.
        var m = MessageStore()
        for id in ["m0001", "m0002"] { m.append(Message(id: id, text: "t")) }
        #expect(m.displayID(1) == "m0002")
        var p = MessageStore()
        for id in ["abcdefgh", "abcdefghij"] { p.append(Message(id: id, text: "t")) }
        #expect(p.displayID(0) == "abcdefgh" && p.displayID(1) == "…ij")
        // Never cut inside a character: "é" is two bytes that differ only in the second.
        var u = MessageStore()
        for id in ["feed-item-é1", "feed-item-è2"] { u.append(Message(id: id, text: "t")) }
        #expect(u.displayID(0) == "…é1" && u.displayID(1) == "…è2")
    }
}
