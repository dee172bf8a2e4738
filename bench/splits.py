#!/usr/bin/env python3
"""Dyad's one pass against batch TF-IDF + LinearSVC on other random splits of the same data.

Usage: splits.py DYAD_BIN DATA_DIR [SEEDS...]   (default seeds 1 2 3 4 5)
The ATT&CK train and test files are pooled, shuffled with random.Random(seed) and cut 80/20,
as make_attack.py cuts them with seed 42; on each split `dyad eval` learns the training part in
one online pass (and with --consolidate) and LinearSVC is fit in batch. Prints macro-F1 per
split and the mean of the differences: how much of the gap on the one fixed split is that split.
"""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402


def main():
    binary, data = sys.argv[1], sys.argv[2]
    seeds = [int(s) for s in sys.argv[3:]] or [1, 2, 3, 4, 5]
    rows = []
    for name in ("attack_train.jsonl", "attack_test.jsonl"):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            rows += [line for line in f if line.strip()]
    print(f"{'split':>6} {'LinearSVC':>9} {'Dyad 1 pass':>11} {'diff':>7} {'Dyad consol.':>12} {'diff':>7}")
    diffs, cdiffs = [], []
    for seed in seeds:
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        cut = int(len(shuffled) * 0.8)
        with tempfile.TemporaryDirectory() as tmp:
            train, test = os.path.join(tmp, "train.jsonl"), os.path.join(tmp, "test.jsonl")
            with open(train, "w", encoding="utf-8") as f:
                f.writelines(shuffled[:cut])
            with open(test, "w", encoding="utf-8") as f:
                f.writelines(shuffled[cut:])
            xtr, ytr = peers.load(train)
            xte, yte = peers.load(test)
            svc = peers.svc_row(xtr, ytr, xte, yte)[1]
            run = lambda *extra: json.loads(subprocess.run([binary, "eval", "--train", train, "--test", test, "--json", *extra],
                                                           check=True, capture_output=True, text=True).stdout)["macro_f1"]
            one, consol = run(), run("--consolidate")
        diffs.append(one - svc)
        cdiffs.append(consol - svc)
        print(f"{seed:>6} {svc:9.3f} {one:11.3f} {one - svc:+7.3f} {consol:12.3f} {consol - svc:+7.3f}")
    print(f"{'mean':>6} {'':9} {'':11} {statistics.mean(diffs):+7.3f} {'':12} {statistics.mean(cdiffs):+7.3f}")


if __name__ == "__main__":
    main()
