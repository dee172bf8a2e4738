extension JournalState {
    /// `trainingSequence` without its first `count` entries, walking back from the end: the cost
    /// is the length of the tail, not of the journal (a consolidation catching up with the
    /// decisions made while it ran asks for a few out of a hundred thousand).
    public func trainingSequence(after count: Int) -> [(messageID: String, label: String)] {
        var wanted = trainingCount - max(0, count)
        guard wanted > 0 else { return [] }
        var reversed: [(messageID: String, label: String)] = []
        reversed.reserveCapacity(wanted)
        for s in labelSeqs.reversed() where undone[s] == nil {
            guard let e = labelEvents[s] else { continue }
            for id in e.ids.reversed() where wanted > 0 {
                reversed.append((id, e.label))
                wanted -= 1
            }
            if wanted == 0 { break }
        }
        return reversed.reversed()
    }
}
