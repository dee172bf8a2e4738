import Terminal

/// Clusters the machine found: browse, open, bulk-label, or make a label from one.
enum ClustersView {
    /// A list row after its counts: the top terms (what the cluster is about) and then its labels
    /// (`· phishing 17, fraud 1`), with as many terms as leave the labels room (at least one).
    static func rowTail(_ c: InsightSummary.ClusterInfo, width: Int) -> String {
        let mix = c.labelMix.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2)
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let labels = mix.isEmpty ? "" : " · " + mix + (c.labelMix.count > 2 ? " …" : "")
        for k in stride(from: min(5, c.topTerms.count), through: min(1, c.topTerms.count), by: -1) {
            let line = c.topTerms.prefix(k).joined(separator: " ") + labels
            if DisplayWidth.of(line) <= width { return line }
        }
        return c.topTerms.prefix(2).joined(separator: " ") + labels
    }

    static func draw(_ b: inout ScreenBuffer, _ r: Rect, _ s: AppState) {
        let t = s.theme
        guard let ins = s.insight, !ins.clusters.isEmpty else {
            let inner = Box.draw(&b, r, title: "Clusters", active: true, theme: t)
            b.put(s.busy.isEmpty ? "No clusters yet." : "Clustering all messages …", x: inner.x, y: inner.y, style: t.style(.muted))
            return
        }
        // An open cluster (its members under the cursor) gets the wider side: its messages are read there.
        let open = s.clusterMemberCursor != nil
        let (listArea, detailArea) = r.splitLeft(open ? max(30, r.width * 35 / 100) : max(40, r.width * 55 / 100))
        let inner = Box.draw(&b, listArea, title: "Clusters (\(ins.clusters.count)) — size · unlabeled · top terms · labels", active: s.clusterMemberCursor == nil, theme: t)
        let rows = inner.height
        let top = max(0, min(s.clusterCursor - rows / 2, ins.clusters.count - rows))
        let idWidth = 1 + String(ins.clusters.map(\.id).max() ?? 0).count
        for (k, c) in ins.clusters.enumerated().dropFirst(top).prefix(rows) {
            let y = inner.y + k - top
            let sel = k == s.clusterCursor
            let st = sel ? t.style(.selected) : t.style(.text)
            b.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: st)
            let fresh = c.unlabeledShare >= 0.999
            let head = "#\(c.id)".padding(toLength: idWidth, withPad: " ", startingAt: 0)
                + " \(pad(c.size, 4)) \(pad(Int((c.unlabeledShare * 100).rounded()), 3))% \(fresh ? "NEW " : "")"
            let line = head + rowTail(c, width: inner.width - DisplayWidth.of(head))
            b.put(line, x: inner.x, y: y, style: fresh && !sel ? t.style(.confidenceMid) : st, maxWidth: inner.width)
        }
        guard let c = ins.clusters[safe: s.clusterCursor] else { return }
        let d = Box.draw(&b, detailArea, title: "Cluster #\(c.id): \(c.size) messages", active: s.clusterMemberCursor != nil, theme: t)
        var y = d.y
        // As many whole terms as fit.
        let terms = (1...max(1, min(8, c.topTerms.count))).reversed().map { "terms: " + c.topTerms.prefix($0).joined(separator: ", ") }
        b.put(terms.first { DisplayWidth.of($0) <= d.width } ?? Text.fit(terms.last ?? "", d.width), x: d.x, y: y, style: t.style(.title), maxWidth: d.width)
        y += 1
        if let mc = c.meanConfidence {
            b.put("model confidence \(Text.percent(mc)) · unlabeled \(Text.percent(c.unlabeledShare))", x: d.x, y: y, style: t.style(.muted), maxWidth: d.width)
            y += 1
        }
        // What the model would call the members: one class, or several the terms do not separate.
        let says = modelMix(s, c.members)
        if !says.isEmpty, y < d.maxY {
            var col = d.x + b.put("model says ", x: d.x, y: y, style: t.style(.muted), maxWidth: d.width)
            for (k, (label, share)) in says.prefix(3).enumerated() where col < d.maxX {
                // A label chip is shown whole or not at all (the first always).
                if k > 0, col + DisplayWidth.of(" \(label)  \(Text.percent(share))") > d.maxX { break }
                col += b.put(" \(label) ", x: col, y: y, style: t.style(.chip(s.journal.labels.index(of: label) ?? 0)), maxWidth: d.maxX - col)
                col += b.put(" \(Text.percent(share))  ", x: col, y: y, style: t.style(.text), maxWidth: d.maxX - col)
            }
            y += 1
        }
        if y < d.maxY {
            let legends = ["★ typical  ↔ on the border with another cluster  label: yours, or the model's with ?",
                           "★ typical  ↔ near another cluster  ? the model's label", "★ typical  ↔ border  ? model's"]
            b.put(legends.first { DisplayWidth.of($0) <= d.width } ?? legends[legends.count - 1], x: d.x, y: y,
                  style: t.style(.muted), maxWidth: d.width)
            y += 1
        }
        let rowsLeft = d.maxY - y
        let cursor = s.clusterMemberCursor ?? -1
        let start = max(0, min(cursor - rowsLeft / 2, c.members.count - rowsLeft))
        let labelWidth = min(16, max(6, d.width / 5))
        for (k, i) in c.members.enumerated().dropFirst(start).prefix(max(0, rowsLeft)) {
            let sel = k == cursor
            let st = sel ? t.style(.selected) : t.style(.text)
            let mark = s.state(of: i).mark
            let tag = c.boundary.contains(i) ? "↔" : (k == 0 ? "★" : " ")
            b.fill(Rect(x: d.x, y: y, width: d.width, height: 1), style: st)
            var col = d.x + b.put("\(mark)\(tag) ", x: d.x, y: y, style: st, maxWidth: d.width)
            LabelColumn.draw(&b, x: col, y: y, width: labelWidth, s, i, selected: sel ? st : nil)
            col += labelWidth + 1
            b.put(Text.oneLine(s.store.text(i), max: d.width * 2), x: col, y: y, style: st, maxWidth: d.maxX - col)
            y += 1
        }
    }

    /// The model's top label over `members` (scored ones), as shares, largest first.
    static func modelMix(_ s: AppState, _ members: [Int]) -> [(label: String, share: Double)] {
        let labels = s.model.labels
        var counts = [Int](repeating: 0, count: labels.count)
        var n = 0
        for i in members {
            guard let sc = s.scores[safe: i], sc.top >= 0, Int(sc.top) < labels.count else { continue }
            counts[Int(sc.top)] += 1
            n += 1
        }
        guard n > 0 else { return [] }
        return counts.enumerated().filter { $0.element > 0 }
            .sorted { $0.element != $1.element ? $0.element > $1.element : $0.offset < $1.offset }
            .map { (labels[$0.offset], Double($0.element) / Double(n)) }
    }

    static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, w - s.count)) + s
    }
}
