"""Wire-agency detection scored against PolNeAR's `wire` metadata column.

For each article, the predicted wire agency is the agency unspun gives the
role ``wire`` (first one); the gold is metadata.tsv's ``wire`` (AP, AFP, UPI,
Reuters; None/NA = not wire copy; a bare "wire" = wire of unknown agency).
Precision = correct predictions / predictions; recall = correct / gold wires.

    .venv/bin/python bench/wire.py [--split dev|train|all] [--raw]

``--raw`` reads each article's file as a user has it (title line first, no metadata)
through unspun's own file reader, as ``unspun analyze FILE`` does; without it the title is
stripped and the publication date given, as in the first version of this benchmark.
It also reports datelines: how many articles whose first body paragraph opens with a
dateline-like pattern (gold: a plain regular expression, below) get a dateline, and how many
articles get one in all (datelines after a subhead or an "ABSTRACT." paragraph included).
"""
from __future__ import annotations

import argparse
import re
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


# the plain pattern the issue used: an upper-case place (or '(AGENCY)') and a dash or credit
_GOLD_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'\- ]{2,40}(?:,\s[A-Z][\w.' ]{1,25}){0,2}(?:,\s\w+\.?\s\d{1,2})?"
    r"\s*(?:\([A-Za-z ]{2,30}\))?\s*[—–-]|\([A-Z][A-Za-z]{1,10}\)\s*[—–-]?)")


def _opens_with_dateline(body: str) -> bool:
    return bool(_GOLD_DATELINE.match(body))


def _read_raw(path: Path):
    from unspun.readers.text import read_text

    with open(path, "rb") as fh:
        return next(iter(read_text(fh, path.name, 1_000_000)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--raw", action="store_true",
                        help="analyse the raw files (headline line first), as users have them")
    args = parser.parse_args()
    if not polnear.available():
        print(f"PolNeAR not found at {polnear.DATA}; skipping")
        return 0
    from unspun.pipeline import Pipeline
    from unspun.readers import Article

    splits = ["train", "dev"] if args.split == "all" else [args.split]
    items = [a for s in splits for a in polnear.articles(s)]
    pipe = Pipeline(["segment", "dateline", "agencies"])
    if args.raw:
        arts = [_read_raw(polnear.DATA / a.split / "text" / f"{a.name}.txt") for a in items]
    else:
        arts = [Article(text=a.body, origin=a.name, title=a.title,
                        published=a.meta.get("publication_date") or None) for a in items]
    tp = fp = fn = 0
    dl_gold = dl_found = dl_all = 0
    for item, rec in zip(items, pipe.analyze_stream(arts)):
        if _opens_with_dateline(item.body):
            dl_gold += 1
            dl_found += bool(getattr(rec, "dateline", None))
            if args.show_errors and not rec.dateline:
                print(f"  dateline missed: {item.name} | {item.body[:60]!r}")
        if getattr(rec, "dateline", None):
            dl_all += 1
            if args.show_errors and not _opens_with_dateline(item.body):
                print(f"  dateline later in the text: {item.name} | {rec.dateline['span']['text']!r}")
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
    print(f"datelines: {dl_found}/{dl_gold} articles whose body opens with one"
          f" ({'raw files' if args.raw else 'title stripped'}); {dl_all} articles in all get a"
          f" dateline (--show-errors lists those the plain pattern does not see)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
