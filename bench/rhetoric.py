"""Held-out scores of the rhetoric layer on corpus/rhetoric/, SemEval-2023 Task 3 definitions.

* techniques: paragraph level; a paragraph's predicted labels are those of the technique
  entries that start in it; micro-F1 and macro-F1 over the 23 labels as scorer-subtask-3
  computes them (scikit-learn ``f1_score``, ``zero_division=1``); per-label P/R/F1.
* frames: article-level micro-F1 over the 14 frames.
* genre: macro-F1 over the genres present in the gold or the predictions.

Built-in detectors alone vs the default learned layer (the shipped model, or --model),
for all held-out paragraphs and per source (written vs referenced PolNeAR; the latter
needs ../shared/data).  --curve retrains on 25%, 50% and 100% of the training part and
prints the held-out technique micro-F1 of each (the learning curve).

    PYTHONPATH=. .venv/bin/python bench/rhetoric.py [--cache /tmp/rhetoric-records.jsonl]
        [--model FILE] [--curve] [--json OUT]
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rhetoric_data import analyse, load_articles  # noqa: E402

from unspun.learn.data import GENRES  # noqa: E402
from unspun.learn.rhetoric import apply, default_model, load  # noqa: E402
from unspun.pipeline.frames import FRAMES  # noqa: E402
from unspun.techniques.base import TECHNIQUES  # noqa: E402


def paragraph_labels(record, paragraphs) -> list[set[str]]:
    return [{t["label"] for t in record.techniques if p["start"] <= t["start"] < p["end"]}
            for p in paragraphs]


def multilabel(gold: list, pred: list, labels) -> dict:
    """Micro/macro F1 (zero_division=1) and per-label P/R/F1 over label sets."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    index = {lab: i for i, lab in enumerate(labels)}

    def matrix(sets):
        m = np.zeros((len(sets), len(labels)), dtype=int)
        for r, s in enumerate(sets):
            for lab in s:
                if lab in index:
                    m[r, index[lab]] = 1
        return m

    g, p = matrix(gold), matrix(pred)
    micro = f1_score(g, p, average="micro", zero_division=1)
    macro = f1_score(g, p, average="macro", zero_division=1)
    mp = float(((g & p).sum()) / max(1, p.sum()))
    mr = float(((g & p).sum()) / max(1, g.sum()))
    prec, rec, f1, support = precision_recall_fscore_support(g, p, zero_division=1)
    per = {lab: {"P": round(float(prec[i]), 3), "R": round(float(rec[i]), 3),
                 "F1": round(float(f1[i]), 3), "gold": int(support[i]),
                 "pred": int(p[:, i].sum())} for i, lab in enumerate(labels)}
    return {"micro_f1": round(float(micro), 3), "macro_f1": round(float(macro), 3),
            "micro_P": round(mp, 3), "micro_R": round(mr, 3), "n": len(gold), "per_label": per}


def genre_f1(gold: list[str], pred: list[str]) -> float:
    from sklearn.metrics import f1_score

    present = sorted(set(gold) | set(pred))
    return round(float(f1_score(gold, pred, labels=present, average="macro", zero_division=1)), 3)


def evaluate(articles, records, model) -> dict:
    """Scores of the built-in detectors and of ``model`` on the held-out articles given."""
    out: dict = {}
    rows = {"builtin": [], "learned": []}
    for a, r in zip(articles, records):
        if not a["heldout"]:
            continue
        learned = apply(copy.deepcopy(r), model) if model is not None else r
        gold = [set(p["labels"]) for p in a["paragraphs"]]
        for name, rec in (("builtin", r), ("learned", learned)):
            rows[name].append((a, gold, paragraph_labels(rec, a["paragraphs"]),
                               {f["label"] for f in rec.frames},
                               (rec.genre or {}).get("label", "reporting")))
    for name, items in rows.items():
        res = {}
        for part in ("all", "written", "polnear"):
            chosen = [x for x in items if part == "all" or x[0]["source"] == part]
            if not chosen:
                continue
            gold = [g for x in chosen for g in x[1]]
            pred = [p for x in chosen for p in x[2]]
            res[part] = {"techniques": multilabel(gold, pred, TECHNIQUES),
                         "frames": multilabel([set(x[0]["frames"]) for x in chosen],
                                              [x[3] for x in chosen], FRAMES),
                         "genre_macro_f1": genre_f1([x[0]["genre"] for x in chosen],
                                                    [x[4] for x in chosen]),
                         "articles": len(chosen)}
        out[name] = res
    return out


def summary_line(name: str, res: dict) -> str:
    t, f = res["techniques"], res["frames"]
    return (f"{name:9} {res['articles']:4} art {t['n']:5} par  techniques micro-F1 "
            f"{t['micro_f1']:.3f} (P {t['micro_P']:.3f} R {t['micro_R']:.3f}) macro-F1 "
            f"{t['macro_f1']:.3f} | frames micro-F1 {f['micro_f1']:.3f} | genre macro-F1 "
            f"{res['genre_macro_f1']:.3f}")


def print_report(scores: dict) -> None:
    for part in ("all", "written", "polnear"):
        if part not in scores["builtin"]:
            print(f"\n[{part}] not available (../shared/data absent?)")
            continue
        print(f"\n[{part}] held out")
        for name in ("builtin", "learned"):
            print("  " + summary_line(name, scores[name][part]))
    print("\nper label, all held-out paragraphs (built-in -> learned): P R F1 (gold, predicted)")
    b, lr = scores["builtin"]["all"]["techniques"]["per_label"], \
        scores["learned"]["all"]["techniques"]["per_label"]
    for lab in TECHNIQUES:
        x, y = b[lab], lr[lab]
        print(f"  {lab:36} {x['P']:.2f} {x['R']:.2f} {x['F1']:.2f} -> {y['P']:.2f} {y['R']:.2f} "
              f"{y['F1']:.2f}  (gold {y['gold']}, pred {x['pred']} -> {y['pred']})")
    print("\nframes per label (learned): P R F1 (gold)")
    for lab, y in scores["learned"]["all"]["frames"]["per_label"].items():
        print(f"  {lab:46} {y['P']:.2f} {y['R']:.2f} {y['F1']:.2f} ({y['gold']})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--model", type=Path, default=None, help="default: the shipped model")
    ap.add_argument("--curve", action="store_true", help="print the learning curve too")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    articles = load_articles()
    records = analyse(articles, args.cache)
    model = load(args.model) if args.model else default_model()
    if model is None:
        raise SystemExit("no model: run bench/train_rhetoric.py first")
    scores = evaluate(articles, records, model)
    print_report(scores)
    if args.curve:
        from train_rhetoric import train

        print("\nlearning curve (held-out techniques micro-F1 / macro-F1, frames micro-F1, "
              "genre macro-F1):")
        curve = {}
        for fraction in (0.25, 0.5, 1.0):
            m, _ = train(articles, records, fraction, log=lambda *_: None)
            res = evaluate(articles, records, m)["learned"]["all"]
            curve[fraction] = res
            print(f"  {int(fraction * 100):3}% ({m.info['paragraphs']} paragraphs): "
                  f"{res['techniques']['micro_f1']:.3f} / {res['techniques']['macro_f1']:.3f}, "
                  f"{res['frames']['micro_f1']:.3f}, {res['genre_macro_f1']:.3f}")
        scores["curve"] = {str(k): {"techniques_micro_f1": v["techniques"]["micro_f1"]}
                           for k, v in curve.items()}
    if args.json:
        args.json.write_text(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
