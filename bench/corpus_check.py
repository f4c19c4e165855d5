"""Counts and integrity checks for the open rhetoric corpus (corpus/rhetoric/).

Prints paragraphs and positives per technique label, per split (train / held-out), per
source (written / polnear), per divide and side for written texts, per publisher for
referenced ones; frames and genres per article.  Verifies every referenced paragraph's
hash against ../shared/data when it is present (exit status 1 on a mismatch).

    python bench/corpus_check.py [--shared ../shared/data]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "rhetoric"
SHARED = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data"))


def load(name: str) -> list[dict]:
    path = CORPUS / name
    return [json.loads(ln) for ln in path.read_text("utf-8").splitlines() if ln.strip()]


def verify_hashes(paras: list[dict], shared: Path) -> tuple[int, list[str]]:
    """(number checked, list of problems) for paragraphs referenced into ``shared``."""
    checked, bad = 0, []
    cache: dict[str, str] = {}
    for p in paras:
        if "file" not in p:
            continue
        path = shared / p["file"]
        if not path.is_file():
            continue
        if p["file"] not in cache:
            cache[p["file"]] = path.read_text("utf-8")
        got = hashlib.sha1(cache[p["file"]][p["start"]:p["end"]].encode()).hexdigest()[:12]
        checked += 1
        if got != p["sha1"]:
            bad.append(f"{p['id']}: sha1 {got} != {p['sha1']}")
    return checked, bad


def table(title: str, groups: dict[str, list[dict]], labels: list[str]) -> None:
    cols = sorted(groups)
    print(f"\n{title}")
    print(f"{'label':36}" + "".join(f"{c[:14]:>15}" for c in cols))
    print(f"{'paragraphs':36}" + "".join(f"{len(groups[c]):>15}" for c in cols))
    print(f"{'with any label':36}" + "".join(
        f"{sum(bool(p['labels']) for p in groups[c]):>15}" for c in cols))
    for lab in labels:
        print(f"{lab:36}" + "".join(
            f"{sum(lab in p['labels'] for p in groups[c]):>15}" for c in cols))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    paras, arts = load("paragraphs.jsonl"), load("articles.jsonl")
    held = set(json.loads((CORPUS / "split.json").read_text("utf-8"))["heldout"])
    counts = Counter(lab for p in paras for lab in p["labels"])
    labels = [lab for lab, _ in counts.most_common()]
    n = len(paras)
    labelled = sum(bool(p["labels"]) for p in paras)
    print(f"{n} paragraphs in {len(arts)} articles; {labelled} labelled "
          f"({labelled / max(n, 1):.1%}), {sum(counts.values()) / max(labelled, 1):.2f} labels "
          f"per labelled paragraph")
    table("by split", {"all": paras,
                       "train": [p for p in paras if p["article"] not in held],
                       "heldout": [p for p in paras if p["article"] in held]}, labels)
    table("by source", _group(paras, lambda p: p["source"]), labels)
    written = [p for p in paras if p["source"] == "written"]
    table("written, by divide", _group(written, lambda p: p.get("divide", "-")), labels)
    print("\nwritten paragraphs by divide and side (partisan sides should balance)")
    by = Counter((p.get("divide", "-"), p.get("side", "-")) for p in written)
    for (d, s), c in sorted(by.items()):
        print(f"  {d:22} {s:12} {c:5}")
    pub = Counter(a.get("publisher") for a in arts if a["source"] == "polnear")
    print("\nreferenced articles by publisher:", dict(sorted(pub.items())))
    print("\narticles by genre:", dict(Counter(a["genre"] for a in arts)))
    fr = Counter(f for a in arts for f in a["frames"])
    print(f"frames per article: {sum(fr.values()) / max(len(arts), 1):.2f}")
    for f, c in fr.most_common():
        print(f"  {f:46} {c:4} ({c / len(arts):.0%})")
    print(f"held out: {len(held)} articles, "
          f"{sum(p['article'] in held for p in paras)} paragraphs")
    checked, bad = verify_hashes(paras, args.shared)
    print(f"\nreferenced paragraphs verified against {args.shared}: {checked} "
          f"(of {sum('file' in p for p in paras)}), mismatches: {len(bad)}")
    for b in bad[:20]:
        print("  ", b)
    return 1 if bad else 0


def _group(rows: list[dict], key) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[key(r)].append(r)
    return out


if __name__ == "__main__":
    sys.exit(main())
