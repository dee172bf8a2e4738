import Terminal

/// Clusters the machine found: browse, open, bulk-label, or make a label from one.
enum ClustersView {
    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        guard let ins = s.insight, !ins.clusters.isEmpty else {
            let inner = Box.draw(&b, r, title: "Clusters", active: true, theme: t)
            b.put(s.busy.isEmpty ? "No clusters yet." : "Clustering all messages …", x: inner.x, y: inner.y, style: t.style(.muted))
            return
        }
        let (listArea, detailArea) = r.splitLeft(max(40, r.width * 55 / 100))
        let inner = Box.draw(&b, listArea, title: "Clusters (\(ins.clusters.count)) — size · unlabeled · labels · top terms", active: s.clusterMemberCursor == nil, theme: t)
        let rows = inner.height
        let top = max(0, min(s.clusterCursor - rows / 2, ins.clusters.count - rows))
        for (k, c) in ins.clusters.enumerated().dropFirst(top).prefix(rows) {
            let y = inner.y + k - top
            let sel = k == s.clusterCursor
            let st = sel ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: st)
            let mix = c.labelMix.sorted { $0.value > $1.value }.prefix(2).map { "\($0.key) \($0.value)" }.joined(separator: ",")
            let fresh = c.unlabeledShare >= 0.999
            let line = "#\(c.id) \(pad(c.size, 4)) \(pad(Int((c.unlabeledShare * 100).rounded()), 3))% \(fresh ? "NEW  " : "")\(mix.isEmpty ? "" : "[\(mix)] ")\(c.topTerms.prefix(5).joined(separator: " "))"
            b.put(line, x: inner.x, y: y, style: fresh && !sel ? t.style(.confidenceMid) : st, maxWidth: inner.width)
        }
        guard let c = ins.clusters[safe: s.clusterCursor] else { return }
        let d = Box.draw(&b, detailArea, title: "Cluster #\(c.id): \(c.size) messages", active: s.clusterMemberCursor != nil, theme: t)
        var y = d.y
        b.put("terms: " + c.topTerms.prefix(8).joined(separator: ", "), x: d.x, y: y, style: t.style(.title), maxWidth: d.width)
        y += 1
        if let mc = c.meanConfidence {
            b.put("model confidence \(Text.percent(mc)) · unlabeled \(Text.percent(c.unlabeledShare))", x: d.x, y: y, style: t.style(.muted), maxWidth: d.width)
            y += 1
        }
        let rowsLeft = d.maxY - y
        let cursor = s.clusterMemberCursor ?? -1
        let start = max(0, min(cursor - rowsLeft / 2, c.members.count - rowsLeft))
        for (k, i) in c.members.enumerated().dropFirst(start).prefix(max(0, rowsLeft)) {
            let sel = k == cursor
            let st = sel ? t.style(.selected) : t.style(.text)
            let mark = s.state(of: i).mark
            let tag = c.boundary.contains(i) ? "↔" : (k == 0 ? "★" : " ")
            b.putPadded("\(mark)\(tag) " + Text.oneLine(s.store.text(i), max: d.width * 2), x: d.x, y: y, width: d.width, style: st)
            y += 1
        }
    }

    static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, w - s.count)) + s
    }
}
