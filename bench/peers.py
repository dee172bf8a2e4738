#!/usr/bin/env python3
"""Peer systems on the ATT&CK split, and one table with Dyad's rows.

Usage: peers.py DATA_DIR DYAD_JSON [DYAD_JSON...]
Each DYAD_JSON is the output of `dyad eval --json` (its "mode" names the row).
With PEERS_CACHE=FILE, peer rows are read from FILE if it exists (else computed and saved).
"""
import json
import os
import statistics
import sys
import tempfile
import time

from sklearn.feature_extraction.text import HashingVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.svm import LinearSVC


def load(path):
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r["text"] for r in rows], [r["label"] for r in rows]


def score(gold, pred):
    return f1_score(gold, pred, average="macro"), accuracy_score(gold, pred)


def p50(xs):
    return statistics.median(xs) if xs else float("nan")


def vw_row(xtr, ytr, xte, yte, labels):
    import vowpalwabbit
    index = {l: i + 1 for i, l in enumerate(labels)}

    def clean(t):
        return t.replace("|", " ").replace(":", " ").lower()

    vw = vowpalwabbit.Workspace(f"--oaa {len(labels)} --ngram 2 --quiet -b 20")
    times = []
    for x, y in zip(xtr, ytr):
        line = f"{index[y]} | {clean(x)}"
        t0 = time.perf_counter_ns()
        vw.learn(line)
        times.append((time.perf_counter_ns() - t0) / 1000)
    pred = [labels[int(vw.predict(f"| {clean(x)}")) - 1] for x in xte]
    vw.finish()
    return ("Vowpal Wabbit --oaa --ngram 2, one pass", *score(yte, pred), p50(times), list(pred))


def sgd_row(xtr, ytr, xte, yte, labels):
    vec = HashingVectorizer(ngram_range=(1, 2), n_features=2**20, alternate_sign=False, norm="l2")
    clf = SGDClassifier(loss="log_loss", random_state=0)
    times = []
    for x, y in zip(xtr, ytr):
        t0 = time.perf_counter_ns()
        clf.partial_fit(vec.transform([x]), [y], classes=labels)
        times.append((time.perf_counter_ns() - t0) / 1000)
    pred = clf.predict(vec.transform(xte))
    return ("scikit-learn SGD partial_fit, one at a time", *score(yte, pred), p50(times), list(pred))


def lr_row(xtr, ytr, xte, yte):
    vec = TfidfVectorizer(ngram_range=(1, 2))
    clf = LogisticRegression(C=10, max_iter=2000)
    clf.fit(vec.fit_transform(xtr), ytr)
    pred = clf.predict(vec.transform(xte))
    return ("TF-IDF 1-2 + LogisticRegression C=10 (batch)", *score(yte, pred), None, list(pred))


def svc_row(xtr, ytr, xte, yte):
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    clf = LinearSVC(C=1)
    clf.fit(vec.fit_transform(xtr), ytr)
    pred = clf.predict(vec.transform(xte))
    return ("TF-IDF 1-2 sublinear + LinearSVC C=1 (batch)", *score(yte, pred), None, list(pred))


def fasttext_row(xtr, ytr, xte, yte):
    import fasttext
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        for x, y in zip(xtr, ytr):
            f.write(f"__label__{y} {x.lower()}\n".replace("\n", " ").rstrip() + "\n")
        path = f.name
    model = fasttext.train_supervised(path, wordNgrams=2, epoch=25, verbose=0, thread=1, seed=1)
    os.unlink(path)
    pred = [model.predict(x.lower().replace("\n", " "))[0][0][len("__label__"):] for x in xte]
    return ("fastText bigrams, 25 epochs", *score(yte, pred), None, pred)


def main():
    data, dyad_files = sys.argv[1], sys.argv[2:]
    xtr, ytr = load(os.path.join(data, "attack_train.jsonl"))
    xte, yte = load(os.path.join(data, "attack_test.jsonl"))
    labels = sorted(set(ytr) | set(yte))
    cache = os.environ.get("PEERS_CACHE")
    peers = []
    if cache and os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            peers = [tuple(r) for r in json.load(f)]
        if any(len(p) < 5 for p in peers):  # a cache from before predictions were kept
            peers = []
    for name, fn in [] if peers else [("vw", lambda: vw_row(xtr, ytr, xte, yte, labels)),
                     ("sgd", lambda: sgd_row(xtr, ytr, xte, yte, labels)),
                     ("lr", lambda: lr_row(xtr, ytr, xte, yte)),
                     ("svc", lambda: svc_row(xtr, ytr, xte, yte)),
                     ("fasttext", lambda: fasttext_row(xtr, ytr, xte, yte))]:
        try:
            peers.append(fn())
        except Exception as e:  # a missing peer is reported, not fatal
            print(f"peer {name} failed: {e}", file=sys.stderr)
    if cache and peers:
        with open(cache, "w", encoding="utf-8") as f:
            json.dump(peers, f)
    dyad = []
    for path in dyad_files:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        extra = f" (--consolidate, {d.get('epochs')} epochs, {d.get('consolidate_ms_p50')} ms)" if d.get("mode") == "consolidate" else ", one online pass"
        dyad.append((f"Dyad{extra}", d["macro_f1"], d["accuracy"], d["learn_us_p50"], d))
    best_f1 = max(p[1] for p in peers) if peers else float("nan")
    vw_us = next((p[3] for p in peers if p[0].startswith("Vowpal")), None)
    print(f"{'system':<62} {'macro-F1':>8} {'accuracy':>8} {'learn µs p50':>12}")
    for name, f1, acc, us, _ in peers:
        print(f"{name:<62} {f1:8.3f} {acc:8.3f} {us if us is None else round(us, 1)!s:>12}")
    for name, f1, acc, us, d in dyad:
        print(f"{name:<62} {f1:8.3f} {acc:8.3f} {round(us, 1)!s:>12}")
    for name, f1, acc, us, d in dyad:
        speed = f", learn time {us / vw_us:.2f}x VW's" if vw_us else ""
        print(f"{name}: macro-F1 {f1 / best_f1:.3f}x best peer ({best_f1:.3f}){speed}; "
              f"predict+explain p50 {d.get('predict_us_p50')} µs; prequential accuracy {d.get('prequential_accuracy')}")
    best = max(peers, key=lambda p: p[1]) if peers else None
    for name, f1, acc, us, d in dyad:
        if best and d.get("test_predicted"):
            mean, lo, hi, ahead = paired_bootstrap(yte, d["test_predicted"], best[4], labels)
            print(f"{name} minus {best[0].split(' (')[0]}: macro-F1 {f1 - best[1]:+.3f}; paired bootstrap of the "
                  f"test set ({BOOTSTRAP} resamples): mean {mean:+.3f}, 95% interval {lo:+.3f} to {hi:+.3f}, "
                  f"Dyad ahead in {ahead:.0%} of resamples")


BOOTSTRAP = 1000


def macro_f1(gold, pred, weights, n_labels):
    """Macro-F1 over the labels present in gold or pred, each test row counted `weights` times."""
    import numpy as np
    tp = np.bincount(gold[pred == gold], weights[pred == gold], n_labels)
    g = np.bincount(gold, weights, n_labels)
    p = np.bincount(pred, weights, n_labels)
    present = (g + p) > 0
    return float(np.mean(2 * tp[present] / (g[present] + p[present])))


def paired_bootstrap(gold, a, b, labels, seed=1):
    """Resamples the test rows with replacement (the same rows for both systems) and returns the
    mean, the 2.5 and 97.5 percentiles of macro-F1(a) - macro-F1(b), and the share where a is ahead."""
    import numpy as np
    index = {l: i for i, l in enumerate(labels)}
    extra = len(labels)
    ids = lambda xs: np.array([index.get(x, extra) for x in xs])
    g, pa, pb = ids(gold), ids(a), ids(b)
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(BOOTSTRAP):
        w = np.bincount(rng.integers(0, len(g), len(g)), minlength=len(g)).astype(float)
        diffs.append(macro_f1(g, pa, w, extra + 1) - macro_f1(g, pb, w, extra + 1))
    diffs = np.array(diffs)
    return float(diffs.mean()), float(np.percentile(diffs, 2.5)), float(np.percentile(diffs, 97.5)), float((diffs > 0).mean())


if __name__ == "__main__":
    main()
