import Core

extension JournalState {
    /// Applies one record (records must come in journal order).
    public mutating func apply(_ record: JournalRecord) {
        let seq = record.seq
        lastSeq = max(lastSeq, seq)
        switch record.event {
        case .sessionOpened(let s):
            sessions.append(s)
        case .label(let d):
            addLabelEvent(seq, LabelEventInfo(ids: [d.messageID], label: d.label, actor: record.actor, time: record.time,
                                              predicted: d.predicted, confidence: d.confidence, strategy: d.strategy,
                                              origin: d.origin, ms: d.ms, bulk: false, cluster: nil))
        case .bulkLabel(let b):
            addLabelEvent(seq, LabelEventInfo(ids: b.messageIDs, label: b.label, actor: record.actor, time: record.time,
                                              predicted: nil, confidence: nil, strategy: nil, origin: b.madeIn,
                                              ms: 0, bulk: true, cluster: b.cluster))
        case let .skip(id, _, _):
            skipEvents[seq] = id
            history[id, default: []].append(seq)
            refresh(id)
        case .undo(let target):
            undo(target, by: seq)
        case let .note(id, text):
            noteSeqs.insert(seq)
            notes.append(NoteInfo(seq: seq, messageID: id, text: text, actor: record.actor, time: record.time))
        case .labelDefined, .labelRetired:
            schemaEvents.append((seq, record.event))
            applySchema(record.event, to: &labels)
        case let .labelRenamed(from, to):
            guard labels.contains(from), !labels.contains(to) else {
                warnings.append("seq \(seq): rename of '\(from)' to '\(to)' ignored (unknown label or name taken)")
                return
            }
            schemaEvents.append((seq, record.event))
            applySchema(record.event, to: &labels)
            renameUses(from: from, to: to)
            trainingRevision += 1
        case .lexicon(let c):
            let r = LexiconOpRecord(seq: seq, actor: record.actor, time: record.time, change: c)
            lexiconRecords.append(r)
            lexiconSeqs.insert(seq)
            applyLexicon(r)
        case .cycleClosed(let m):
            cycles.append(m)
            lastCycleSeq = seq
        }
    }

    private mutating func addLabelEvent(_ seq: Int, _ info: LabelEventInfo) {
        labelEvents[seq] = info
        labelSeqs.append(seq)
        trainingCount += info.ids.count
        for id in info.ids {
            history[id, default: []].append(seq)
            refresh(id)
        }
    }

    /// Recomputes a message's decision and skip state from its effective events.
    mutating func refresh(_ id: String) {
        let seqs = history[id] ?? []
        var decision: DecisionInfo?
        var lastEffective: Int?
        for s in seqs.reversed() where undone[s] == nil {
            if lastEffective == nil { lastEffective = s }
            if let e = labelEvents[s] {
                decision = DecisionInfo(messageID: id, label: e.label, actor: e.actor, time: e.time, seq: s,
                                        predicted: e.predicted, confidence: e.confidence, strategy: e.strategy,
                                        origin: e.origin, ms: e.ms, bulk: e.bulk, cluster: e.cluster)
                break
            }
        }
        if let old = decisions[id]?.label { labelCounts[old, default: 0] -= 1; if labelCounts[old] == 0 { labelCounts[old] = nil } }
        if let new = decision?.label { labelCounts[new, default: 0] += 1 }
        decisions[id] = decision
        if decision == nil, let l = lastEffective, skipEvents[l] != nil {
            skipped.insert(id)
        } else {
            skipped.remove(id)
        }
    }

    private mutating func undo(_ target: Int, by seq: Int) {
        guard undone[target] == nil else {
            warnings.append("seq \(seq): undo of seq \(target) ignored (already undone)")
            return
        }
        if let e = labelEvents[target] {
            undone[target] = seq
            trainingCount -= e.ids.count
            trainingRevision += 1
            for id in e.ids { refresh(id) }
        } else if let id = skipEvents[target] {
            undone[target] = seq
            refresh(id)
        } else if lexiconSeqs.contains(target) {
            undone[target] = seq
            rebuildLexicon()
        } else if noteSeqs.contains(target) {
            undone[target] = seq
            notes.removeAll { $0.seq == target }
        } else if let i = schemaEvents.firstIndex(where: { $0.seq == target }), case .labelDefined = schemaEvents[i].event {
            undone[target] = seq
            var l = initialLabels
            for (s, e) in schemaEvents where undone[s] == nil { applySchema(e, to: &l) }
            labels = l
        } else {
            warnings.append("seq \(seq): undo of seq \(target) ignored (not an undoable event)")
        }
    }

    private func applySchema(_ event: Event, to set: inout LabelSet) {
        switch event {
        case let .labelDefined(name, key, description): set.define(name, key: key, description: description)
        case let .labelRenamed(from, to): set.rename(from, to: to)
        case .labelRetired(let name): set.retire(name)
        default: break
        }
    }

    /// Rewrites every earlier use of a label name after a rename.
    private mutating func renameUses(from: String, to: String) {
        for (s, e) in labelEvents where e.label == from { labelEvents[s]?.label = to }
        for (id, d) in decisions where d.label == from { decisions[id]?.label = to }
        if let n = labelCounts.removeValue(forKey: from) { labelCounts[to, default: 0] += n }
        for i in lexiconRecords.indices where lexiconRecords[i].change.label == from {
            lexiconRecords[i].change.label = to
        }
        rebuildLexicon()
    }

    /// Re-derives lexicon entries, suppressions and rejections from the effective ops (after an undo or rename).
    mutating func rebuildLexicon() {
        lexicon = []
        lexiconIndex = [:]
        suppressedTerms = []
        rejectedSuggestions = []
        for r in lexiconRecords where undone[r.seq] == nil { applyLexicon(r) }
    }

    /// Applies one lexicon op to the current entries.
    mutating func applyLexicon(_ r: LexiconOpRecord) {
        let c = r.change
        switch c.op {
        case .add, .boost:
            guard let label = c.label else { return }
            let k = Self.lexiconKey(c.term, label)
            if let i = lexiconIndex[k] {
                if let concept = c.concept { lexicon[i].concept = concept }
                if c.op == .boost { lexicon[i].boosts += 1 }
                lexicon[i].history.append(r)
            } else {
                lexiconIndex[k] = lexicon.count
                lexicon.append(LexiconEntry(term: c.term, label: label, concept: c.concept, author: c.author,
                                            boosts: c.op == .boost ? 1 : 0, history: [r]))
            }
        case .remove:
            let before = lexicon.count
            lexicon.removeAll { $0.term == c.term && (c.label == nil || $0.label == c.label) }
            guard lexicon.count != before else { return }
            lexiconIndex = [:]
            for (i, e) in lexicon.enumerated() { lexiconIndex[Self.lexiconKey(e.term, e.label)] = i }
        case .suppress:
            suppressedTerms.insert(c.term)
        case .unsuppress:
            suppressedTerms.remove(c.term)
        case .reject:
            rejectedSuggestions.append(c)
        }
    }

    static func lexiconKey(_ term: String, _ label: String) -> String { term + "\u{1F}" + label }
}
