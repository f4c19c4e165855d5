"""Wire-agency detection scored against PolNeAR's `wire` metadata column.

For each article, the predicted wire agency is the agency unspun gives the
role ``wire`` (first one); the gold is metadata.tsv's ``wire`` (AP, AFP, UPI,
Reuters; None/NA = not wire copy; a bare "wire" = wire of unknown agency).
Precision = correct predictions / predictions; recall = correct / gold wires.

    .venv/bin/python bench/wire.py [--split dev|train|all]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution_corpus as polnear  # noqa: E402

CANON = {"ap": "Associated Press", "afp": "Agence France-Presse", "upi": "United Press International",
         "reuters": "Reuters"}


def gold_wire(meta: dict) -> str | None:
    value = (meta.get("wire") or "").strip().lower()
    if value in ("", "none", "na"):
        return None
    return CANON.get(value, "?")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    if not polnear.available():
        print(f"PolNeAR not found at {polnear.DATA}; skipping")
        return 0
    from unspun.pipeline import Pipeline
    from unspun.readers import Article

    splits = ["train", "dev"] if args.split == "all" else [args.split]
    items = [a for s in splits for a in polnear.articles(s)]
    pipe = Pipeline(["segment", "dateline", "agencies"])
    arts = [Article(text=a.body, origin=a.name, title=a.title,
                    published=a.meta.get("publication_date") or None) for a in items]
    tp = fp = fn = 0
    for item, rec in zip(items, pipe.analyze_stream(arts)):
        gold = gold_wire(item.meta)
        wires = [a["name"] for a in rec.agencies if a["role"] == "wire"]
        pred = wires[0] if wires else None
        if pred and gold and (pred == gold or gold == "?"):
            tp += 1
        else:
            fp += bool(pred)
            fn += bool(gold)
            if args.show_errors and (pred or gold):
                print(f"  {item.name}: gold={gold} predicted={pred} | {item.body[:80]!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"split={args.split} articles={len(items)} gold_wires={tp + fn} predicted={tp + fp}")
    print(f"precision={p:.3f} recall={r:.3f} f1={f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
