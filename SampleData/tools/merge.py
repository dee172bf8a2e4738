#!/usr/bin/env python3
"""Merge and validate hand-written sample-data parts.

Only merges and checks: it never writes message text.

  python3 SampleData/tools/merge.py main     # parts/*.jsonl          -> threats.jsonl (ids m0001..)
  python3 SampleData/tools/merge.py heldout  # parts/heldout*.jsonl   -> heldout.jsonl (ids h001..)
  python3 SampleData/tools/merge.py check    # validate the merged files only

The hand-written parts/ were removed after the final merge, so today only
`check` applies; `main`/`heldout` document how the files were assembled.

A part line is {"ts","source","gold","text"} plus optional "tags" (a list,
e.g. "amb", "dup:<group>", "lang:<code>", "emoji", "campaign") that is reported
but not written out. Output key order: id, text, gold, ts, source.
"""
import collections, glob, json, os, re, sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ["phishing", "malware", "fraud", "hacking-service", "data-leak", "vulnerability", "benign"]
SOURCES = ["forum", "telegram", "email", "twitter", "reddit", "discord", "sms", "irc", "paste"]
TS = re.compile(r"^2026-0[1-6]-[0-3]\d T[0-2]\d:[0-5]\d:[0-5]\dZ$".replace(" ", ""))
# Terms of the late campaign: must not occur before June 2026.
LATE_TERMS = ["parksmart", "parking", "pcn", "quishing", "qr"]
CAMPAIGN_START = "2026-06-01"


def load(files):
    rows = []
    for f in files:
        for n, line in enumerate(open(f, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except Exception as e:
                sys.exit(f"{f}:{n}: bad JSON: {e}")
            for k in ("ts", "source", "gold", "text"):
                if k not in r:
                    sys.exit(f"{f}:{n}: missing {k}")
            if r["gold"] not in LABELS: sys.exit(f"{f}:{n}: bad label {r['gold']}")
            if r["source"] not in SOURCES: sys.exit(f"{f}:{n}: bad source {r['source']}")
            if not TS.match(r["ts"]): sys.exit(f"{f}:{n}: bad ts {r['ts']}")
            r["_where"] = f"{os.path.basename(f)}:{n}"
            rows.append(r)
    return rows


def report(rows, idkey="id"):
    n = len(rows)
    print(f"messages: {n}")
    for title, key, order in (("gold", "gold", LABELS), ("source", "source", SOURCES)):
        c = collections.Counter(r[key] for r in rows)
        print(f"by {title}: " + ", ".join(f"{k} {c[k]} ({100*c[k]/n:.1f}%)" for k in order))
    words = [len(r["text"].split()) for r in rows]
    print(f"words per message: min {min(words)}, max {max(words)}, mean {sum(words)/n:.1f}")
    texts = collections.Counter(r["text"] for r in rows)
    dups = [t for t, c in texts.items() if c > 1]
    if dups:
        print("EXACT DUPLICATES:", dups)
    tags = collections.defaultdict(list)
    for r in rows:
        for t in r.get("tags", []):
            tags[t.split(":")[0] if not t.startswith("dup") else t].append(r.get(idkey, r["_where"]))
    for t in sorted(tags):
        print(f"tag {t}: {len(tags[t])}: {' '.join(tags[t])}")
    early = [r for r in rows if r["ts"] < CAMPAIGN_START]
    for term in LATE_TERMS:
        pat = re.compile(r"\b" + term, re.I)
        hits = [r.get(idkey, r["_where"]) for r in early if pat.search(r["text"])]
        if hits:
            print(f"LATE TERM '{term}' BEFORE JUNE: {hits}")
    months = collections.Counter(r["ts"][:7] for r in rows)
    print("by month:", dict(sorted(months.items())))


def write(rows, out, prefix, width):
    rows.sort(key=lambda r: r["ts"])
    with open(out, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows, 1):
            r["id"] = f"{prefix}{i:0{width}d}"
            o = {"id": r["id"], "text": r["text"], "gold": r["gold"], "ts": r["ts"], "source": r["source"]}
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {out}")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "main"
    parts = sorted(glob.glob(os.path.join(HERE, "parts", "*.jsonl")))
    if mode == "main":
        rows = load([p for p in parts if not os.path.basename(p).startswith("heldout")])
        write(rows, os.path.join(HERE, "threats.jsonl"), "m", 4)
        report(rows)
    elif mode == "heldout":
        rows = load([p for p in parts if os.path.basename(p).startswith("heldout")])
        write(rows, os.path.join(HERE, "heldout.jsonl"), "h", 3)
        report(rows)
    elif mode == "check":
        for name in ("threats.jsonl", "heldout.jsonl"):
            p = os.path.join(HERE, name)
            if os.path.exists(p):
                rows = [json.loads(l) for l in open(p, encoding="utf-8")]
                ids = [r["id"] for r in rows]
                assert ids == sorted(ids) and len(set(ids)) == len(ids), "ids not unique/ordered"
                assert [r["ts"] for r in rows] == sorted(r["ts"] for r in rows), "ts not ordered"
                for r in rows:
                    assert list(r) == ["id", "text", "gold", "ts", "source"], r
                    r["_where"] = r["id"]
                print(f"== {name}")
                report(rows)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
