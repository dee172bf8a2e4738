#!/usr/bin/env bash
# Dyad against its peers on the ATT&CK split, same machine, same run.
# Usage: bench/peers.sh   (env: DYAD_BIN to skip the release build, EPOCHS for --consolidate)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
VENV=bench/.venv
OUT=bench/out
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q scikit-learn vowpalwabbit fasttext-numpy2
if [ ! -f bench/data/attack_train.jsonl ]; then python3 "$SHARED/bench/make_attack.py" bench/data; fi
if [ -z "${DYAD_BIN:-}" ]; then
  swift build -c release --product dyad
  DYAD_BIN=.build/release/dyad
fi
TRAIN=bench/data/attack_train.jsonl TEST=bench/data/attack_test.jsonl
"$DYAD_BIN" eval --train "$TRAIN" --test "$TEST" --json --with-predictions > "$OUT/dyad_online.json"
"$DYAD_BIN" eval --consolidate --epochs "${EPOCHS:-6}" --train "$TRAIN" --test "$TEST" --json --with-predictions > "$OUT/dyad_consolidate.json"
"$VENV/bin/python" bench/peers.py bench/data "$OUT/dyad_online.json" "$OUT/dyad_consolidate.json"
