import Core
import Foundation
import Testing
@testable import Journal

/// Exports say where each decision was made: triage, review, a cluster, a focus page.
@Suite struct ExportOriginTests {
    @Test func jsonlAndCSVCarryEachDecisionsOrigin() throws {
        var store = MessageStore()
        for k in 1...4 { store.append(Message(id: "m\(k)", text: "text \(k)")) }
        let events: [Event] = [
            Fixtures.label("m1", "phishing"),
            .bulkLabel(BulkLabel(label: "benign", messageIDs: ["m2", "m3"], cluster: nil, origin: .focus)),
            .bulkLabel(BulkLabel(label: "benign", messageIDs: ["m4"], cluster: 2)),
        ]
        let state = JournalState(records: events.enumerated().map { Fixtures.record($0.offset + 1, $0.element) })
        let exporter = Exporter(state: state, store: store)
        let lines = String(decoding: exporter.export(.jsonl).data, as: UTF8.self).split(separator: "\n")
        var origin: [String: String] = [:]
        for line in lines {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            origin[try #require(o["id"] as? String)] = o["origin"] as? String
        }
        // A bulk label from before origins were recorded reads as a cluster's.
        #expect(origin == ["m1": "triage", "m2": "focus", "m3": "focus", "m4": "cluster"])
        // CSV rows end in CRLF (RFC 4180).
        let csv = String(decoding: exporter.export(.csv).data, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(csv.first == "id,text,label,analyst,time,seq,predicted,confidence,origin,gold")
        #expect(csv.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[8] } == ["triage", "focus", "focus", "cluster"])
    }
}
