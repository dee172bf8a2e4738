import Core
import Engine

/// The one rule by which a journal record changes the model, used both live
/// (after each durable append) and when the model is rebuilt from the journal,
/// so both give the same weights bit for bit.
public enum ModelUpdate {
    /// Applies an effective (not undone) record to `model`. Undo records are
    /// not applied here: an undo rebuilds the model from the remaining records.
    public static func apply(_ record: JournalRecord, to model: inout Classifier, store: MessageStore) {
        switch record.event {
        case .label(let d):
            if let i = store.index(ofID: d.messageID) { model.learn(store.text(i), label: d.label) }
        case .bulkLabel(let b):
            for id in b.messageIDs {
                if let i = store.index(ofID: id) { model.learn(store.text(i), label: b.label) }
            }
        case .lexicon(let c):
            switch c.op {
            case .add: if let l = c.label { model.addLexiconTerm(c.term, label: l) }
            case .remove: if let l = c.label { model.removeLexiconTerm(c.term, label: l) }
            case .boost: if let l = c.label { model.boost(term: c.term, label: l) }
            case .suppress: model.suppress(term: c.term)
            case .unsuppress: model.unsuppress(term: c.term)
            case .reject: break
            }
        case .labelDefined(let name, _, _):
            model.addLabel(name)
        case .labelRenamed(let from, let to):
            model.renameLabel(from: from, to: to)
        case .labelRetired(let name):
            model.retireLabel(name)
        case .sessionOpened, .skip, .undo, .note, .cycleClosed:
            break
        }
    }
}
