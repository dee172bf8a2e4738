import Core
import Engine
import Foundation
import Journal

extension Reducer {
    /// A digit key: label the message (triage), the cluster (clusters) or the review item (review).
    static func labelSlot(_ s: inout AppState, _ slot: Int, at now: Double) -> [Effect] {
        let key = Command.labelKey(slot: slot)
        guard let name = s.journal.labels.label(forKey: key) else {
            s.flash = Flash(.warning, "no label on key \(key) — L adds one, \(s.keyMap.hint(.pickLabel)) picks by name")
            return []
        }
        return assign(&s, label: name, at: now)
    }

    /// Assigns `name` as the current view does: the message (triage), the cluster
    /// or its highlighted member (clusters), the review item (review).
    static func assign(_ s: inout AppState, label name: String, at now: Double) -> [Effect] {
        switch s.view {
        case .triage:
            guard let i = s.selected else { return [] }
            return [decide(&s, i, label: name, origin: .triage, at: now)]
        case .clusters:
            guard let c = currentCluster(s) else { return [] }
            if let m = s.clusterMemberCursor, c.members.indices.contains(m) {
                return [decide(&s, c.members[m], label: name, origin: .cluster, at: now)]
            }
            let pending = c.members.filter { s.journal.decisions[s.store.id($0)] == nil }
            guard !pending.isEmpty else {
                s.flash = Flash(.info, "every message of cluster \(c.id) is labeled already")
                return []
            }
            s.mode = .confirmBulk(BulkAsk(label: name, messages: pending, cluster: c.id, origin: .cluster, what: "of cluster \(c.id)"))
            return []
        case .review:
            guard let item = s.insight?.review[safe: s.reviewCursor] else { return [] }
            return [decide(&s, item.index, label: name, origin: .review, at: now)]
        case .signals:
            switch SignalRow.rows(s.insight)[safe: s.signalsCursor] {
            case .anomaly(let a)?:
                return [decide(&s, a.index, label: name, origin: .signals, at: now)]
            case .emerging(let e)?:
                // The term's undecided recent messages at once, as a cluster's (one bulk_label, undoable).
                let pending = e.messages.filter { s.journal.decisions[s.store.id($0)] == nil }
                guard !pending.isEmpty else {
                    s.flash = Flash(.info, "every recent message with “\(e.term)” is labeled already")
                    return []
                }
                s.mode = .confirmBulk(BulkAsk(label: name, messages: pending, origin: .signals, what: "with “\(e.term)”"))
                return []
            case nil:
                return []
            }
        case .lexicon, .cycles:
            return []
        }
    }

    /// Enter: accept the model's label (triage), open a cluster, confirm a review item.
    static func accept(_ s: inout AppState, at now: Double) -> [Effect] {
        switch s.view {
        case .triage:
            guard let i = s.selected else { return [] }
            guard s.model.examplesLearned > 0, let top = s.model.predict(s.store.text(i)).top else {
                s.flash = Flash(.warning, "the model has no label yet — press \(StatusPane.digitRange(s)), or \(s.keyMap.hint(.pickLabel)) to pick one")
                return []
            }
            return [decide(&s, i, label: top, origin: .triage, at: now)]
        case .clusters:
            if s.clusterMemberCursor == nil, currentCluster(s) != nil { s.clusterMemberCursor = 0 }
            return []
        case .review:
            guard let item = s.insight?.review[safe: s.reviewCursor] else { return [] }
            return [decide(&s, item.index, label: item.given, origin: .review, at: now)]
        case .lexicon:
            return acceptSuggestion(&s)
        case .signals:
            showInTriage(&s, jump: true)
            return []
        case .cycles:
            return []
        }
    }

    /// Builds the label event for message `i`, with the model's prior view.
    static func decide(_ s: inout AppState, _ i: Int, label: String, origin: DecisionOrigin, at now: Double) -> Effect {
        let p = s.model.examplesLearned > 0 ? s.model.predict(s.store.text(i)) : .empty
        let ms = s.shownAt > 0 ? Int(((now - s.shownAt) * 1000).rounded()) : 0
        s.shownAt = now
        return .append(.label(LabelDecision(messageID: s.store.id(i), label: label, predicted: p.top,
                                            confidence: p.top == nil ? nil : p.confidence,
                                            strategy: origin == .triage ? s.strategy : nil, ms: max(0, ms), origin: origin)))
    }

    static func skip(_ s: inout AppState, at now: Double) -> [Effect] {
        guard s.view == .triage, let i = s.selected else { return [] }
        let ms = s.shownAt > 0 ? Int(((now - s.shownAt) * 1000).rounded()) : 0
        s.shownAt = now
        return [.append(.skip(messageID: s.store.id(i), strategy: s.strategy, ms: max(0, ms)))]
    }

    static func undo(_ s: inout AppState) -> [Effect] {
        guard let seq = s.undoStack.last else {
            s.flash = Flash(.info, "nothing to undo")
            return []
        }
        return [.append(.undo(seq: seq))]
    }

    /// Applies a record that is now durable: journal fold, model, queue, cycle.
    static func applyRecord(_ s: inout AppState, _ r: JournalRecord, at now: Double) -> [Effect] {
        s.journal.apply(r)
        updateBook(&s, r)
        s.lastSavedSeq = r.seq
        var effects: [Effect] = []
        switch r.event {
        case .label, .bulkLabel, .skip, .lexicon, .labelDefined, .note: s.undoable[r.seq] = r.event
        default: break
        }
        switch r.event {
        case .label(let d):
            let idx = s.store.index(ofID: d.messageID)
            let moved = idx.map { TermMovement.before(s.model, text: s.store.text($0), label: d.label) } ?? []
            ModelUpdate.apply(r, to: &s.model, store: s.store)
            s.modelGeneration += 1
            s.undoStack.append(r.seq)
            var agreed: Bool?
            if let p = d.predicted {
                agreed = p == d.label
                s.agreement.append(p == d.label)
            }
            s.decisionTimes.append(d.ms)
            s.cycle.add(CycleDecision(messageID: d.messageID, label: d.label, predicted: d.predicted, ms: d.ms))
            noteFocusCall(&s, d)
            let terms = idx.map { TermMovement.after(s.model, moved, text: s.store.text($0), label: d.label) } ?? []
            let shown = Text.shortID(idx.map { s.store.displayID($0) } ?? d.messageID)
            s.lastChange = ChangeSummary(decision: decisionLine(s, d), agreed: agreed, movedTerms: terms, flipped: 0)
            if let i = idx { s.flagged[i] = nil }
            if d.origin == .review { dropResolvedReviews(&s) }
            s.flash = Flash(.saved, "saved #\(r.seq): \(shown) → \(d.label)")
            if s.view == .triage { moveOn(&s) }
            effects += [.rescore, .consolidate]
            if s.cycle.decisions.count >= s.cycle.length { effects += closeCycle(&s) }
            if s.labeledCount % 10 == 0 || s.view != .triage { effects.append(.refreshInsight) }
        case .bulkLabel(let b):
            ModelUpdate.apply(r, to: &s.model, store: s.store)
            s.modelGeneration += 1
            s.undoStack.append(r.seq)
            s.cycle.add(b)
            s.lastChange = ChangeSummary(decision: decisionLine(b), agreed: nil, movedTerms: [], flipped: 0)
            s.flash = Flash(.saved, "saved #\(r.seq): \(b.messageIDs.count) messages → \(b.label)")
            // A page confirmed in triage: on to what is left (of the focus).
            if s.view == .triage { moveOn(&s) }
            effects += [.rescore, .refreshInsight, .consolidate]
            if s.cycle.decisions.count >= s.cycle.length { effects += closeCycle(&s) }
        case .skip(let id, _, _):
            s.undoStack.append(r.seq)
            s.flash = Flash(.saved, "saved #\(r.seq): skipped \(Text.shortID(s.store.index(ofID: id).map { s.store.displayID($0) } ?? id))")
            if s.view == .triage { s.advanceToHead = true }
            effects.append(.rescore)
        case .undo(let seq):
            s.undoStack.removeAll { $0 == seq }
            let undone = s.undoable.removeValue(forKey: seq).map { JournalRecord(seq: seq, time: "", actor: "", event: $0) }
            if case .label(let d)? = undone?.event {
                if d.predicted != nil, !s.agreement.isEmpty { s.agreement.removeLast() }
                if !s.decisionTimes.isEmpty { s.decisionTimes.removeLast() }
                s.cycle.removeLast(messageID: d.messageID)
                if let i = s.store.index(ofID: d.messageID) { moveCursor(&s, toMessage: i) }
            }
            if case .bulkLabel(let b)? = undone?.event {
                s.cycle.remove(b)
                // Back to the first of them: under a limit or focus, the cursor's old row may hold
                // a message outside it now, which the queue would show as the cursor's.
                let store = s.store
                if let i = b.messageIDs.lazy.compactMap({ store.index(ofID: $0) }).first { moveCursor(&s, toMessage: i) }
            }
            if case .skip(let id, _, _)? = undone?.event, let i = s.store.index(ofID: id) { moveCursor(&s, toMessage: i) }
            if let e = undone?.event {
                s.flash = Flash(.saved, "saved #\(r.seq): undid \(undoneText(s, e, short: true))")
                // The insight pane's last line says what the model no longer holds.
                s.lastChange = ChangeSummary(decision: "undone: " + undoneText(s, e, short: false), agreed: nil, movedTerms: [], flipped: 0)
            } else {
                s.flash = Flash(.saved, "saved #\(r.seq): undid #\(seq)")
            }
            if let f = s.focus { s.focusRecord = QueueFocus.record(s, label: f) }
            s.schemaGeneration += 1
            s.consolidatedAt = nil
            effects += [.rebuildModel, .consolidate]
        case .lexicon(let c):
            ModelUpdate.apply(r, to: &s.model, store: s.store)
            s.modelGeneration += 1
            s.undoStack.append(r.seq)
            s.cycle.lexiconChanges[c.author.rawValue, default: 0] += 1
            s.schemaGeneration += 1
            s.flash = Flash(.saved, "saved #\(r.seq): \(c.op.rawValue) “\(c.term)”\(c.label.map { " for \($0)" } ?? "")")
            effects += [.rescore, .consolidate]
        case .labelDefined(let name, let key, _):
            ModelUpdate.apply(r, to: &s.model, store: s.store)
            s.undoStack.append(r.seq)
            // The key the label really got (a definition without one takes the next free digit).
            let given = s.journal.labels.all.first { $0.name == name }?.key ?? key
            s.flash = Flash(.saved, "saved #\(r.seq): label \(name)" + (given.map { " on key \($0)" } ?? ", no key: \(s.keyMap.hint(.pickLabel)) picks it"))
        case .labelRenamed, .labelRetired:
            ModelUpdate.apply(r, to: &s.model, store: s.store)
            effects.append(.rescore)
        case .note(let id, _):
            s.undoStack.append(r.seq)
            s.flash = Flash(.saved, "saved #\(r.seq): note on \(id ?? "workspace")")
        case .cycleClosed(let m):
            let snapshot = s.cycle.closingSnapshot
            let asked = s.cycle.reportRequested
            s.cycle = CycleTracker(length: s.cycle.length)
            s.cycle.number = m.number + 1
            s.cycle.topsAtStart = s.scores.map(\.top)
            // The snapshot taken when this cycle was closed here (the model has not moved since).
            s.cycle.termsAtStart = snapshot ?? currentTerms(s)
            if asked, s.mode == .normal { s.mode = .cycleReport(m.number) }
            // A focus that the cycle's last decision ended still says so.
            let more = asked ? "\(s.keyMap.hint(.cycles)) shows all cycles" : "\(s.keyMap.hint(.cycles)) reads its report"
            s.flash = Flash(.saved, "saved #\(r.seq): cycle \(m.number) closed — agreement \(Text.percent(m.agreement)) — \(more)",
                            ended: s.flash?.ended)
        case .sessionOpened:
            break
        }
        endFocusIfDone(&s)
        return effects
    }

    /// After a decision in triage: on to the next message (the first in focus under a focus);
    /// the re-score that follows puts the cursor on the head it finds.
    static func moveOn(_ s: inout AppState) {
        s.cursor = QueueFocus.head(s)
        s.scroll = 0
        s.advanceToHead = true
    }

    /// Puts the cursor on message `i` if it is queued.
    static func moveCursor(_ s: inout AppState, toMessage i: Int) {
        if let p = s.row(of: i) {
            s.cursor = p
            clampScroll(&s, visibleRows: s.pageSize)
        }
    }

    /// Closes the open cycle now (if it has decisions): journals its metrics. With `showReport`
    /// (the analyst asked, `C`) its report opens once the record is saved.
    static func closeCycle(_ s: inout AppState, showReport: Bool = false) -> [Effect] {
        guard !s.cycle.decisions.isEmpty else {
            s.flash = Flash(.info, "the open cycle has no decisions yet")
            return []
        }
        let now = currentTerms(s)
        s.cycle.closingSnapshot = now
        s.cycle.reportRequested = showReport
        return [.append(.cycleClosed(CycleMetricsBuilder.metrics(s, now: now)))]
    }

    /// The model's top terms per label (term → weight), for cycle snapshots.
    ///
    /// With a background ranking worker they are the ones read off its replica with the
    /// latest ranking (the model of `rankedTerms.generation`, at most the few decisions made
    /// while that ranking ran behind the live one): a pass over the whole vocabulary takes
    /// tens of milliseconds at a million messages, too long for the key loop. Otherwise, and
    /// before the first ranking, they are read off the live model.
    static func currentTerms(_ s: AppState) -> [String: [String: Double]] {
        if s.termsFromRanking, let t = s.rankedTerms {
            return CycleMetricsBuilder.termSnapshot(t.prefix(CycleMetricsBuilder.snapshotTerms))
        }
        return CycleMetricsBuilder.termSnapshot(s.model)
    }

    static func currentCluster(_ s: AppState) -> InsightSummary.ClusterInfo? {
        s.insight?.clusters[safe: s.clusterCursor]
    }

    /// The insight pane's "last" line for a decision: its label and a quote of the message.
    static func decisionLine(_ s: AppState, _ d: LabelDecision) -> String {
        let idx = s.store.index(ofID: d.messageID)
        let what = idx.map { Text.quote(s.store.text($0), 48) } ?? Text.shortID(d.messageID)
        return "\(d.label) ← \(what)"
    }

    /// What an undo took back: `m0042 → phishing` (short, for the status line) or the insight
    /// pane's quote of the message; a bulk label, skip, lexicon change, note or label by name.
    static func undoneText(_ s: AppState, _ e: Event, short: Bool) -> String {
        func shown(_ id: String) -> String { Text.shortID(s.store.index(ofID: id).map { s.store.displayID($0) } ?? id) }
        switch e {
        case .label(let d): return short ? "\(shown(d.messageID)) → \(d.label)" : decisionLine(s, d)
        case .bulkLabel(let b): return short ? "\(Text.count(b.messageIDs.count, "message")) → \(b.label)" : decisionLine(b)
        case .skip(let id, _, _): return "skip of \(shown(id))"
        case .lexicon(let c): return "\(c.op.rawValue) “\(c.term)”\(c.label.map { " for \($0)" } ?? "")"
        case .note(let id, _): return "note on \(id.map(shown) ?? "workspace")"
        case .labelDefined(let name, _, _): return "label \(name)"
        default: return e.typeName
        }
    }

    /// The insight pane's "last" line for a bulk label.
    static func decisionLine(_ b: BulkLabel) -> String {
        "\(b.label) ← \(b.messageIDs.count) messages \(b.cluster.map { "of cluster \($0)" } ?? "at once")"
    }

    /// Ids of a cluster's members that have no decision yet.
    static func clusterPendingIDs(_ s: AppState, _ cluster: Int) -> [String] {
        guard let c = s.insight?.clusters.first(where: { $0.id == cluster }) else { return [] }
        return pendingIDs(s, c.members)
    }

    /// Ids of the messages among `indices` that have no decision yet (for a bulk label).
    static func pendingIDs(_ s: AppState, _ indices: [Int]) -> [String] {
        indices.map { s.store.id($0) }.filter { s.journal.decisions[$0] == nil }
    }

    static func acceptSuggestion(_ s: inout AppState) -> [Effect] {
        guard s.view == .lexicon, let row = LexiconRows.rows(s)[safe: s.lexiconCursor] else { return [] }
        guard row.isSuggestion else {
            s.flash = Flash(.info, "that term is in the lexicon already")
            return []
        }
        return [.append(.lexicon(LexiconChange(op: .add, term: row.term, label: row.label, author: .machine)))]
    }

    static func rejectSuggestion(_ s: inout AppState) -> [Effect] {
        guard s.view == .lexicon, let row = LexiconRows.rows(s)[safe: s.lexiconCursor] else { return [] }
        if row.isSuggestion {
            return [.append(.lexicon(LexiconChange(op: .reject, term: row.term, label: row.label, author: .human)))]
        }
        if row.suppressed {
            return [.append(.lexicon(LexiconChange(op: .unsuppress, term: row.term, author: .human)))]
        }
        return [.append(.lexicon(LexiconChange(op: .remove, term: row.term, label: row.label, author: .human)))]
    }
}

extension Array {
    /// The element at `i`, or nil when out of range.
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
