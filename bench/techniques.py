"""Score the techniques detectors on the gold set (tests/gold/techniques.jsonl).

Paragraph level, as the SemEval-2023 Task 3 scorer does: each gold paragraph
has a set of technique labels; a prediction is the set of labels of the
techniques whose span starts inside the paragraph.  Prints per-technique
precision, recall and F1, and micro-F1 over all (paragraph, label) pairs.

Gold lines either reference a paragraph of a file under ../shared/data
(``file``, ``start``, ``end`` into the text as unspun's reader returns it,
``sha1`` of that paragraph) or carry a short ``text`` written for this
project.  File lines are skipped (with a note) when ../shared/data is absent.

The built-in detectors alone by default (what the floors in tests/test_techniques_gold.py
guard); ``--learned`` adds the default learned layer.

    python bench/techniques.py [--shared ../shared/data] [--model MODEL ...] [--learned]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "techniques.jsonl"
SHARED = Path(os.environ.get("UNSPUN_SHARED_DATA", ROOT.parent / "shared" / "data"))


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def predict(gold: list[dict], shared: Path = SHARED, models: tuple[str, ...] = (),
            learned: bool = False) -> list[set[str] | None]:
    """Predicted label sets per gold item (None where its file is unavailable): the built-in
    detectors alone, or with the default learned layer when ``learned``."""
    import unspun
    from unspun.pipeline.runner import default_components
    from unspun.readers import read_inputs

    names = default_components() if learned else \
        tuple(n for n in default_components() if n != "rhetoric")

    out: list[set[str] | None] = [None] * len(gold)
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(gold):
        if "text" in item:
            rec = unspun.analyze(item["text"], models=models, components=names)
            out[i] = {t["label"] for t in rec.techniques}
        else:
            by_file[item["file"]].append(i)
    for name, idxs in by_file.items():
        path = shared / name
        if not path.is_file():
            continue
        article = next(read_inputs([str(path)]))
        rec = unspun.analyze(article.text, models=models, components=names)
        for i in idxs:
            g = gold[i]
            para = article.text[g["start"]:g["end"]]
            if hashlib.sha1(para.encode()).hexdigest()[:12] != g["sha1"]:
                raise ValueError(f"{name} {g['start']}:{g['end']}: paragraph text changed")
            out[i] = {t["label"] for t in rec.techniques if g["start"] <= t["start"] < g["end"]}
    return out


def score(gold: list[dict], pred: list[set[str] | None]) -> dict:
    """Per-label and micro precision/recall/F1 over the items that have a prediction."""
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    n = 0
    for g, p in zip(gold, pred):
        if p is None:
            continue
        n += 1
        truth = set(g["labels"])
        for lab in p & truth:
            tp[lab] += 1
        for lab in p - truth:
            fp[lab] += 1
        for lab in truth - p:
            fn[lab] += 1

    def prf(t: int, f_p: int, f_n: int) -> tuple[float, float, float]:
        p_ = t / (t + f_p) if t + f_p else 0.0
        r_ = t / (t + f_n) if t + f_n else 0.0
        return p_, r_, (2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0)

    labels = sorted(set(tp) | set(fp) | set(fn))
    per = {lab: (*prf(tp[lab], fp[lab], fn[lab]), tp[lab], fp[lab], fn[lab]) for lab in labels}
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"paragraphs": n, "per_label": per, "micro": micro}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--model", action="append", default=[])
    ap.add_argument("--learned", action="store_true",
                    help="with the default learned layer (default: the detectors alone)")
    args = ap.parse_args()
    gold = load_gold()
    result = score(gold, predict(gold, args.shared, tuple(args.model), args.learned))
    print(f"paragraphs scored: {result['paragraphs']} of {len(gold)}")
    print(f"{'technique':38} {'P':>5} {'R':>5} {'F1':>5} {'tp':>3} {'fp':>3} {'fn':>3}")
    for lab, (p, r, f, t, f_p, f_n) in sorted(result["per_label"].items()):
        print(f"{lab:38} {p:5.2f} {r:5.2f} {f:5.2f} {t:3d} {f_p:3d} {f_n:3d}")
    p, r, f = result["micro"]
    print(f"{'micro':38} {p:5.2f} {r:5.2f} {f:5.2f}")


if __name__ == "__main__":
    sys.exit(main())
