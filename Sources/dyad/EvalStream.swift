import Core
import Engine

/// The streaming evaluation of `dyad eval`: one online pass in file order, then the test file.
struct EvalStream {
    var config: EngineConfig
    var consolidator: Consolidator?
    var consolidateEvery: Int
    /// Add every test message's predicted label, in test order (`test_predicted`), for paired comparisons.
    var keepPredictions = false

    func run(train: [EvalData.Example], test: [EvalData.Example]) -> [String: Any] {
        var clf = Classifier(config: config)
        var learnUS: [Double] = [], consolidateMS: [Double] = []
        learnUS.reserveCapacity(train.count)
        var prequentialHits = 0
        var labeled: [LabeledExample] = []
        for (i, ex) in train.enumerated() {
            if clf.predict(ex.text).top == ex.label { prequentialHits += 1 }
            let t0 = EvalData.now()
            clf.learn(ex.text, label: ex.label)
            learnUS.append(Double(EvalData.now() - t0) / 1000)
            if let consolidator {
                labeled.append(LabeledExample(text: ex.text, label: ex.label, features: clf.featurize(ex.text)))
                if (i + 1) % max(1, consolidateEvery) == 0 || i + 1 == train.count {
                    let t1 = EvalData.now()
                    clf = consolidator.consolidate(clf, examples: labeled)
                    if i + 1 == train.count { consolidateMS.append(Double(EvalData.now() - t1) / 1e6) }
                }
            }
        }
        var out: [String: Any] = [:]
        if let consolidator {
            // Time the final consolidation twice more; the result must not change.
            let fp = clf.fingerprint
            var same = true
            for _ in 0..<2 {
                let t1 = EvalData.now()
                let again = consolidator.consolidate(clf, examples: labeled)
                consolidateMS.append(Double(EvalData.now() - t1) / 1e6)
                same = same && again.fingerprint == fp
            }
            out["consolidate_ms_p50"] = EvalData.round(EvalData.quantile(consolidateMS, 0.5), 1)
            out["consolidation_deterministic"] = same
            out["epochs"] = consolidator.epochs
        }
        // Test: prediction with explanation, then plain prediction throughput.
        var explainUS: [Double] = []
        var predicted: [String] = []
        for ex in test {
            let t0 = EvalData.now()
            let e = clf.explain(ex.text)
            explainUS.append(Double(EvalData.now() - t0) / 1000)
            predicted.append(e?.target ?? "")
        }
        let t0 = EvalData.now()
        var plain: [String] = []
        for ex in test { plain.append(clf.predict(ex.text).top ?? "") }
        let predictS = Double(EvalData.now() - t0) / 1e9
        let vectors = test.map { clf.featurize($0.text) }
        let t1 = EvalData.now()
        var agree = 0
        for (k, fv) in vectors.enumerated() where clf.predict(fv).top == plain[k] { agree += 1 }
        let rescoreS = Double(EvalData.now() - t1) / 1e9
        let m = Metrics(gold: test.map(\.label), predicted: plain)
        out["macro_f1"] = EvalData.round(m.macroF1)
        out["accuracy"] = EvalData.round(m.accuracy)
        out["per_label_f1"] = Dictionary(uniqueKeysWithValues: m.perLabel.map { ($0.label, EvalData.round($0.f1)) })
        out["prequential_accuracy"] = EvalData.round(Double(prequentialHits) / Double(max(1, train.count)))
        out["learn_us_p50"] = EvalData.round(EvalData.quantile(learnUS, 0.5), 2)
        out["learn_us_p99"] = EvalData.round(EvalData.quantile(learnUS, 0.99), 2)
        out["predict_us_p50"] = EvalData.round(EvalData.quantile(explainUS, 0.5), 2)
        out["predict_explain_us_p99"] = EvalData.round(EvalData.quantile(explainUS, 0.99), 2)
        out["predictions_per_s"] = Int(Double(test.count) / max(predictS, 1e-9))
        out["rescore_cached_per_s"] = Int(Double(test.count) / max(rescoreS, 1e-9))
        out["explain_agrees"] = predicted == plain && agree == test.count
        out["train_count"] = train.count
        out["test_count"] = test.count
        out["model_mb"] = EvalData.round(Double(clf.memoryBytes) / 1_048_576, 1)
        out["mode"] = consolidator == nil ? "online" : "consolidate"
        if keepPredictions { out["test_predicted"] = plain }
        return out
    }
}
