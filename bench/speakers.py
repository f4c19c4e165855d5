"""Top speakers of PolNeAR (train + dev) as actors, without a store: a quick look at linking.

    .venv/bin/python bench/speakers.py --top 30 [--limit N] [--unresolved]

Runs entities and quotes on every article, links the entities to actors
(:mod:`unspun.actors`) and prints the speakers with most quotes, each with
its variants; unresolved pronoun speakers are left out unless ``--unresolved``.
The test of the same ranking through the store and the CLI is
``tests/test_top_speakers.py`` (slow).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--unresolved", action="store_true")
    parser.add_argument("--cache", type=Path, default=None,
                        help="JSON file of the analysed entities and quotes: written when absent, "
                             "read when present (to try linking changes without the pipeline)")
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        sys.exit(f"PolNeAR not found at {POLNEAR}")
    import unspun.pipeline.quotes  # noqa: F401
    from unspun.actors import Variant
    from unspun.pipeline.runner import Pipeline
    from unspun.readers.article import Article

    paths = sorted(POLNEAR.glob("train/text/*.txt")) + sorted(POLNEAR.glob("dev/text/*.txt"))
    paths = paths[:args.limit]
    if args.cache and args.cache.exists():
        data = json.loads(args.cache.read_text(encoding="utf-8"))
        variants = [Variant(*v) for v in data["variants"]]
        report(variants, [tuple(q) for q in data["quotes"]], len(paths), args)
        return
    pipe = Pipeline(["segment", "dateline", "agencies", "entities", "quotes"])
    variants, quotes = [], []
    for n in range(0, len(paths), 32):
        batch = paths[n:n + 32]
        recs = pipe.analyze_batch([Article(text=p.read_text(encoding="utf-8")) for p in batch])
        for path, rec in zip(batch, recs):
            names = {}
            for e in getattr(rec, "entities", []):
                variants.append(Variant(path.stem, e["id"], e["type"], e["name"]))
                names[e["id"]] = e["name"]
            for q in getattr(rec, "quotes", []):
                sp = q.get("speaker") or {}
                quotes.append((path.stem, sp.get("entity"), sp.get("text"), names.get(sp.get("entity"))))
    if args.cache:
        args.cache.write_text(json.dumps({"variants": [list(v.__dict__.values()) for v in variants],
                                          "quotes": quotes}), encoding="utf-8")
    report(variants, quotes, len(paths), args)


def report(variants: list, quotes: list, articles: int, args: argparse.Namespace) -> None:
    from unspun.actors import link
    from unspun.actors.speakers import speaker_of

    actors, of = link(variants)
    counts: Counter = Counter()
    shown: dict[str, str] = {}
    forms: dict[str, Counter] = defaultdict(Counter)
    for article, entity, text, ename in quotes:
        aid = of.get((article, entity)) if entity else None
        sp = speaker_of(text, aid, actors[aid].name if aid else None, ename)
        if sp is None or (sp.unresolved and not args.unresolved):
            continue
        counts[sp.key] += 1
        shown[sp.key] = sp.name
        forms[sp.key][ename or text] += 1
    print(f"{articles} articles, {len(quotes)} quotes, {len(actors)} actors\n")
    for key, n in counts.most_common(args.top):
        top = ", ".join(f"{f} ({c})" for f, c in forms[key].most_common(4))
        print(f"{n:6}  {shown[key][:40]:40}  {top[:90]}")


if __name__ == "__main__":
    main()
