import Foundation
import Core
import Engine
import Terminal

extension Reducer {
    static func handleKey(_ s: inout AppState, _ key: Key, at now: Double) -> [Effect] {
        if s.screenTooSmall {
            guard s.keyMap.command(for: key, among: [.quit]) != nil else { return [] }
            s.quitting = true
            return [.quit]
        }
        switch s.mode {
        case .normal:
            guard let cmd = s.keyMap.command(for: key, among: normalCommands) else {
                if case .char(let c) = key { s.flash = Flash(.warning, "key \(c) does nothing here — ? shows the keys") }
                return []
            }
            return run(&s, cmd, at: now)
        case .help(let scroll):
            return helpKey(&s, key, scroll: scroll)
        case .cycleReport:
            // The report covers the message, so a key that decides on it only closes the
            // report; one that needs no sight of it (undo, a view, help, quit) also runs.
            s.mode = .normal
            guard let cmd = s.keyMap.command(for: key, among: normalCommands),
                  cycleReportPassThrough.contains(cmd) else { return [] }
            return run(&s, cmd, at: now)
        case let .confirmBulk(ask):
            s.mode = .normal
            guard key == .char("y") || key == .enter else {
                s.flash = Flash(.info, "nothing labeled")
                return []
            }
            let ids = pendingIDs(s, ask.messages)
            return ids.isEmpty ? [] : [.append(.bulkLabel(BulkLabel(label: ask.label, messageIDs: ids, cluster: ask.cluster, origin: ask.origin)))]
        case .search(let q):
            return searchKey(&s, key, query: q)
        case .term(let i):
            return termKey(&s, key, index: i)
        case .boostLabel(let term):
            return boostLabelKey(&s, key, term: term)
        case .note(let text):
            return textInput(&s, key, text: text, set: { .note($0) }) { st, t in
                guard let i = st.selected, !t.isEmpty else { return [] }
                return [.append(.note(messageID: st.store.id(i), text: t))]
            }
        case .addLabel(let step):
            return addLabelKey(&s, key, step: step)
        case .limit(let text):
            return textInput(&s, key, text: text, set: { .limit($0) }) { st, t in setLimit(&st, t) }
        case let .nameClusterLabel(cluster, text):
            return textInput(&s, key, text: text, set: { .nameClusterLabel(cluster: cluster, text: $0) }) { st, t in
                let name = t.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { return [] }
                guard !st.journal.labels.contains(name) else {
                    st.flash = Flash(.warning, "label \(name) exists already")
                    return []
                }
                st.mode = .addLabel(.key(name: name, key: st.journal.labels.nextFreeKey() ?? "", cluster: cluster))
                return []
            }
        case .pickLabel(let pick):
            return labelPickKey(&s, key, pick, at: now)
        }
    }

    /// Back to triage. From a cluster's member or a review item, the triage cursor goes to
    /// that message, so it is read in full with the model's reasons (and can be relabeled).
    /// `T` (and Enter in Signals): back to triage, on the open cluster member, the review item or
    /// (`jump`, Enter) the signal's message; from Signals `T` keeps the triage place, as from the
    /// other views: the highlighted term's first message is mostly an old, decided one.
    static func showInTriage(_ s: inout AppState, jump: Bool = false) {
        let target: Int? = switch s.view {
        case .clusters: s.clusterMemberCursor.flatMap { m in currentCluster(s)?.members[safe: m] }
        case .review: s.insight?.review[safe: s.reviewCursor]?.index
        case .signals: jump ? SignalRow.rows(s.insight)[safe: s.signalsCursor]?.message : nil
        case .triage, .lexicon, .cycles: nil
        }
        s.view = .triage
        guard let target, s.row(of: target) != nil else { return }
        moveCursor(&s, toMessage: target)
        s.shownAt = 0
        s.flash = Flash(.info, "\(s.store.displayID(target)) at row \(s.cursor + 1) of the queue")
    }

    /// A key over the help: j/k, arrows, PgDn/PgUp, Space, g/G scroll it (the
    /// loop clamps the offset to the screen); any other key closes it.
    static func helpKey(_ s: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        let page = max(1, s.pageSize)
        let next: Int? = switch key {
        case .char("j"), .down: scroll + 1
        case .char("k"), .up: scroll - 1
        case .pageDown, .char(" "), .ctrl("d"): scroll + page
        case .pageUp, .ctrl("u"): scroll - page
        case .char("g"), .home: 0
        case .char("G"), .end: Int.max / 2
        default: nil
        }
        s.mode = next.map { .help(scroll: max(0, $0)) } ?? .normal
        return []
    }

    /// Commands a key runs while the cycle report is shown (after closing it): none of them
    /// decides on the message the report covers.
    static let cycleReportPassThrough: Set<Command> = [.undo, .clusters, .lexicon, .review, .cycles, .signals,
                                                       .triage, .help, .quit, .cycleTheme]
    static let normalCommands: Set<Command> = Set(Command.allCases).subtracting(KeyMap.termCommands).union([.help, .quit, .leave])

    static func run(_ s: inout AppState, _ cmd: Command, at now: Double) -> [Effect] {
        if let slot = cmd.labelSlot { return labelSlot(&s, slot, at: now) }
        switch cmd {
        case .moveDown: move(&s, by: 1)
        case .moveUp: move(&s, by: -1)
        case .pageDown: move(&s, by: s.pageSize)
        case .pageUp: move(&s, by: -s.pageSize)
        case .first: move(&s, by: -Int.max / 2)
        case .last: move(&s, by: Int.max / 2)
        case .accept: return accept(&s, at: now)
        case .skip: return skip(&s, at: now)
        case .undo: return undo(&s)
        case .search:
            guard s.view == .triage else { return [] }
            s.mode = .search("")
            s.searchOrigin = (s.cursor, s.scroll)
            s.flash = nil
        case .searchNext: return findNext(&s, s.lastSearch, forward: true, from: s.cursor + 1)
        case .searchPrevious: return findNext(&s, s.lastSearch, forward: false, from: s.cursor - 1)
        case .cycleStrategy:
            let all = QueueStrategy.allCases
            s.strategy = all[((all.firstIndex(of: s.strategy) ?? 0) + 1) % all.count]
            s.flash = Flash(.info, "queue order: \(s.strategy.title)")
            if s.cursor == 0 { s.advanceToHead = true }
            return [.rescore]
        case .termMode:
            guard s.view == .triage, s.selected != nil else { return [] }
            if TermWords.words(s).isEmpty {
                s.flash = Flash(.warning, "no influential words yet — label a few messages first")
                return []
            }
            s.mode = .term(index: 0)
            s.flash = nil  // the term prompt shows what term mode saves, not what came before
        case .note:
            guard s.selected != nil else { return [] }
            s.mode = .note("")
        case .addLabel: s.mode = .addLabel(.name(""))
        case .pickLabel: return openLabelPick(&s, purpose: .assign)
        case .focus: return toggleFocus(&s)
        case .whyNot: return toggleRival(&s)
        case .limit: return toggleLimit(&s)
        case .confirmPage: askToConfirmPage(&s)
        case .closeCycle: return closeCycle(&s, showReport: true)
        case .triage: showInTriage(&s)
        case .clusters:
            s.view = .clusters
            s.clusterMemberCursor = nil
            return s.insight == nil ? [.refreshInsight] : []
        case .lexicon: s.view = .lexicon
        case .review:
            s.view = .review
            return [.refreshInsight]
        case .cycles: s.view = .cycles
        case .signals:
            s.view = .signals
            return s.insight == nil ? [.refreshInsight] : []
        case .cycleTheme:
            let names = s.themeNames
            let i = names.firstIndex(of: s.theme.name) ?? -1
            return [.loadTheme(names[(i + 1) % names.count])]
        case .help: s.mode = .help(scroll: 0)
        case .quit:
            s.quitting = true
            return [.quit]
        case .labelFromCluster:
            guard s.view == .clusters, let c = currentCluster(s) else { return [] }
            s.mode = .nameClusterLabel(cluster: c.id, text: "")
        case .acceptSuggestion: return acceptSuggestion(&s)
        case .rejectSuggestion: return rejectSuggestion(&s)
        case .leave:
            if s.view == .clusters, s.clusterMemberCursor != nil { s.clusterMemberCursor = nil } else { s.view = .triage }
        default: break
        }
        return []
    }

    /// Moves the cursor of the current view.
    static func move(_ s: inout AppState, by delta: Int) {
        func clamp(_ v: Int, _ n: Int) -> Int { max(0, min(n - 1, v)) }
        switch s.view {
        case .triage:
            guard !s.queue.isEmpty else { return }
            let old = s.cursor
            if QueueFocus.active(s) {
                s.cursor = QueueFocus.step(s, by: delta)
            } else {
                s.cursor = clamp(s.cursor.addingReportingOverflow(delta).partialValue, s.queue.count)
            }
            if s.cursor != old { s.shownAt = 0 }
            clampScroll(&s, visibleRows: s.pageSize)
        case .clusters:
            let n = s.insight?.clusters.count ?? 0
            if let m = s.clusterMemberCursor, let c = currentCluster(s) {
                s.clusterMemberCursor = clamp(m.addingReportingOverflow(delta).partialValue, c.members.count)
            } else if n > 0 {
                s.clusterCursor = clamp(s.clusterCursor.addingReportingOverflow(delta).partialValue, n)
            }
        case .lexicon:
            let n = LexiconRows.rows(s).count
            if n > 0 { s.lexiconCursor = clamp(s.lexiconCursor.addingReportingOverflow(delta).partialValue, n) }
        case .review:
            let n = s.insight?.review.count ?? 0
            if n > 0 { s.reviewCursor = clamp(s.reviewCursor.addingReportingOverflow(delta).partialValue, n) }
        case .signals:
            let n = SignalRow.rows(s.insight).count
            if n > 0 { s.signalsCursor = clamp(s.signalsCursor.addingReportingOverflow(delta).partialValue, n) }
        case .cycles:
            let n = s.journal.cycles.count
            guard n > 0 else { return }
            let c = clamp((s.cyclesCursor ?? n - 1).addingReportingOverflow(delta).partialValue, n)
            // On the latest cycle the cursor follows the cycles still to close.
            s.cyclesCursor = c == n - 1 ? nil : c
        }
    }

    /// Shared handling of single-line text prompts.
    static func textInput(_ s: inout AppState, _ key: Key, text: String, set: (String) -> Mode,
                          submit: (inout AppState, String) -> [Effect]) -> [Effect] {
        switch key {
        case .escape:
            s.mode = .normal
        case .enter:
            s.mode = .normal
            return submit(&s, text)
        case .backspace:
            s.mode = set(String(text.dropLast()))
        case .char(let c):
            if text.count < 200 { s.mode = set(text + String(c)) }
        default: break
        }
        return []
    }

    static func addLabelKey(_ s: inout AppState, _ key: Key, step: AddLabelStep) -> [Effect] {
        switch step {
        case .name(let text):
            return textInput(&s, key, text: text, set: { .addLabel(.name($0)) }) { st, t in
                let name = t.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "-")
                guard !name.isEmpty else { return [] }
                if st.journal.labels.active.contains(where: { $0.name == name }) {
                    st.flash = Flash(.warning, "label \(name) exists already")
                    return []
                }
                st.mode = .addLabel(.key(name: name, key: st.journal.labels.nextFreeKey() ?? ""))
                return []
            }
        case let .key(name, k, cluster):
            switch key {
            case .escape: s.mode = .normal
            case .backspace: s.mode = .addLabel(.key(name: name, key: "", cluster: cluster))
            case .char(let c) where c.isNumber:
                s.mode = .addLabel(.key(name: name, key: String(c), cluster: cluster))
            case .enter:
                s.mode = .normal
                if !k.isEmpty, let holder = s.journal.labels.label(forKey: k) {
                    s.flash = Flash(.warning, "key \(k) is taken by \(holder); label not added")
                    return []
                }
                let defined = Effect.append(.labelDefined(name: name, key: k.isEmpty ? nil : k,
                                                          description: cluster.map { "from cluster \($0)" }))
                guard let cluster else { return [defined] }
                let ids = clusterPendingIDs(s, cluster)
                return [defined] + (ids.isEmpty ? [] : [.append(.bulkLabel(BulkLabel(label: name, messageIDs: ids, cluster: cluster, origin: .cluster)))])
            default: break
            }
            return []
        }
    }
}
