"""Train the default learned rhetoric layer shipped as unspun/data/rhetoric.model.

Deterministic: the same corpus and shared data give the same file.  Uses only the
training part of corpus/rhetoric/ (split.json's held-out articles are never read for
fitting, thresholds or feature choices).  Referenced PolNeAR paragraphs need
../shared/data; without it only the written paragraphs train (a weaker model: do not
ship that one).

    PYTHONPATH=. .venv/bin/python bench/train_rhetoric.py [--out unspun/data/rhetoric.model]
        [--cache /tmp/rhetoric-records.jsonl] [--fraction 1.0]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rhetoric_data import ROOT, analyse, load_articles  # noqa: E402

from unspun.learn.data import GENRES  # noqa: E402
from unspun.learn.rhetoric import RhetoricModel, article_parts  # noqa: E402
from unspun.learn.rhetoric_train import (BITS, fit_genre, fit_multilabel,  # noqa: E402
                                         paragraph_rows)
from unspun.pipeline.frames import FRAMES  # noqa: E402
from unspun.techniques.base import TECHNIQUES  # noqa: E402


def subset(articles, fraction):
    """A deterministic share of the articles (by a hash of the group, so mirror pairs stay
    together)."""
    if fraction >= 1:
        return articles
    return [a for a in articles
            if (zlib.crc32(a["group"].encode()) % 1000) / 1000 < fraction]


def train(articles, records, fraction=1.0, bits=BITS, log=print, progress=None):
    """Fit the three tasks on the training articles given (held-out ones are refused)."""
    pairs = [(a, r) for a, r in zip(articles, records) if not a["heldout"]]
    chosen = {a["id"] for a in subset([a for a, _ in pairs], fraction)}
    pairs = [(a, r) for a, r in pairs if a["id"] in chosen]
    rows, builtin, Y, groups = [], [], [], []
    for a, r in pairs:
        pr, pb = paragraph_rows(r, [(p["start"], p["end"]) for p in a["paragraphs"]], bits)
        rows += pr
        builtin += pb
        Y += [[t in p["labels"] for t in TECHNIQUES] for p in a["paragraphs"]]
        groups += [a["group"]] * len(pr)
    log(f"techniques: {len(rows)} training paragraphs from {len(pairs)} articles")
    tech, tech_report = fit_multilabel("techniques", TECHNIQUES, rows, np.array(Y),
                                       np.array(builtin), groups, bits, progress)
    arts = [article_parts(r, bits) for _, r in pairs]
    fy = np.array([[f in a["frames"] for f in FRAMES] for a, _ in pairs])
    fb = np.array([[f in {x["label"] for x in r.frames} for f in FRAMES] for _, r in pairs])
    frames, frame_report = fit_multilabel("frames", FRAMES, arts, fy, fb,
                                          [a["group"] for a, _ in pairs], bits)
    genre, genre_report = fit_genre(list(GENRES), arts, [a["genre"] for a, _ in pairs],
                                    [a["group"] for a, _ in pairs], bits,
                                    [(r.genre or {}).get("label", "reporting") for _, r in pairs])
    info = {"trained_on": "corpus/rhetoric training part", "articles": len(pairs),
            "paragraphs": len(rows), "fraction": fraction,
            "written_only": not any(a["source"] != "written" for a, _ in pairs)}
    model = RhetoricModel(bits, {"techniques": tech, "frames": frames, "genre": genre}, info)
    return model, {"techniques": tech_report, "frames": frame_report, "genre": genre_report}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "unspun" / "data" / "rhetoric.model")
    ap.add_argument("--cache", type=Path, default=None,
                    help="JSON Lines cache of the analysed corpus records")
    ap.add_argument("--fraction", type=float, default=1.0)
    args = ap.parse_args()
    t0 = time.time()
    articles = load_articles()
    records = analyse(articles, args.cache)
    print(f"analysed {len(articles)} articles in {time.time() - t0:.0f} s")
    model, report = train(articles, records, args.fraction,
                          progress=lambda label, e: print(f"  fitted {label}", flush=True))
    for task in ("techniques", "frames"):
        print(f"\n{task}: cross-validated on the training part (combined with built-ins)")
        for label, e in report[task].items():
            print(f"  {label:36} pos {e['positives']:4}  builtin F1 {e['builtin_f1']:.3f}  "
                  + (f"cv F1 {e['cv_f1']:.3f} t={e['threshold']} veto={e['veto']}"
                     if "cv_f1" in e else "too few examples")
                  + ("  LEARNED" if e["learned"] else ""))
    print(f"\ngenre: {json.dumps(report['genre'])}")
    model.save(args.out)
    print(f"\nwrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
