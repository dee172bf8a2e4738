/// Feature feedback from the analyst: lexicon terms, boosts, suppressions.
///
/// A lexicon term (one or two words) gets a dedicated learned feature plus a
/// fixed prior of `lexiconPrior` for its label; each `boost` adds `boostStep`
/// more. A suppressed term is masked from learning and prediction together
/// with every feature derived from it. All of it is reversible and takes
/// effect in the next prediction (suppression: in the next `featurize`).
extension Classifier {
    /// Adds a term to a label's lexicon; returns false when the term has no tokens or more than two.
    @discardableResult
    public mutating func addLexiconTerm(_ term: String, label: String) -> Bool {
        editEntry(term, label: label) { entry, c in
            if !entry.members.contains(c) { entry.members.append(c); entry.members.sort() }
        }
    }

    /// Removes a term from a label's lexicon; returns false when it was not there.
    @discardableResult
    public mutating func removeLexiconTerm(_ term: String, label: String) -> Bool {
        guard let slot = lexiconSlot(term), let c = column(label), lexicon[slot]?.members.contains(c) == true else { return false }
        return editEntry(term, label: label) { entry, c in entry.members.removeAll { $0 == c } }
    }

    /// Raises a term's weight for a label by `boostStep`.
    @discardableResult
    public mutating func boost(term: String, label: String) -> Bool {
        editEntry(term, label: label) { entry, c in entry.boosts[c, default: 0] += 1 }
    }

    /// Undoes one `boost` of a term for a label; returns false when there was none.
    @discardableResult
    public mutating func unboost(term: String, label: String) -> Bool {
        guard let slot = lexiconSlot(term), let c = column(label), (lexicon[slot]?.boosts[c] ?? 0) > 0 else { return false }
        return editEntry(term, label: label) { entry, c in entry.boosts[c, default: 0] -= 1 }
    }

    /// Masks a term (one or two words) from the model everywhere; returns false when it has no usable key.
    @discardableResult
    public mutating func suppress(term: String) -> Bool {
        guard let key = featurizer.termKey(term) else { return false }
        guard !suppressed.contains(key) else { return true }
        suppressed.insert(key)
        suppressedTerms[key] = term
        featureGeneration += 1
        return true
    }

    /// Lifts a suppression; returns false when the term was not suppressed.
    @discardableResult
    public mutating func unsuppress(term: String) -> Bool {
        guard let key = featurizer.termKey(term), suppressed.contains(key) else { return false }
        suppressed.remove(key)
        suppressedTerms[key] = nil
        featureGeneration += 1
        return true
    }

    /// Suppressed terms, sorted.
    public var suppressedTermList: [String] { suppressedTerms.values.sorted() }

    /// True when a term is suppressed.
    public func isSuppressed(_ term: String) -> Bool {
        featurizer.termKey(term).map { suppressed.contains($0) } ?? false
    }

    /// The fixed prior (lexicon + boosts) of a term for a label.
    public func prior(term: String, label: String) -> Double {
        guard let slot = lexiconSlot(term), let c = column(label), let e = lexicon[slot] else { return 0 }
        return Double(e.priors.first { $0.column == c }?.value ?? 0)
    }

    /// Word slot of a term, if it has a key.
    func lexiconSlot(_ term: String) -> UInt32? { featurizer.termKey(term).map(featurizer.slot) }

    /// Applies `change` to a term's entry for a label (the label is added if new).
    mutating func editEntry(_ term: String, label: String, _ change: (inout LexiconEntry, Int) -> Void) -> Bool {
        guard let slot = lexiconSlot(term) else { return false }
        if column(label) == nil { addLabel(label) }
        guard let c = column(label) else { return false }
        var entry = lexicon[slot] ?? LexiconEntry(term: term)
        change(&entry, c)
        entry.refresh(lexiconPrior: config.lexiconPrior, boostStep: config.boostStep)
        if lexiconMask.isEmpty { lexiconMask = [UInt64](repeating: 0, count: max(1, slotCount / 64)) }
        if entry.isEmpty {
            lexicon[slot] = nil
            lexiconMask[Int(slot >> 6)] &= ~(1 << UInt64(slot & 63))
        } else {
            lexicon[slot] = entry
            lexiconMask[Int(slot >> 6)] |= 1 << UInt64(slot & 63)
        }
        return true
    }
}
