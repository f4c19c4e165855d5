"""Inter-annotator agreement for the open rhetoric corpus (corpus/rhetoric/).

``sample``: write N paragraphs (id, article, text; no labels) drawn deterministically for a
second annotator: first, for each of the nine labels above 2% (:data:`NINE`), the ``--quota``
positive paragraphs with the lowest sha1 of their id (so that per-label agreement has
positives to measure), then the lowest-sha1 paragraphs of the whole corpus up to N; output in
sha1 order, so nothing in it hints at the labels.  Referenced paragraphs get their text from
../shared/data, so the file must stay outside the repository.

``score``: compare a second annotator's file (one JSON line per paragraph: ``id`` and
``labels``) with the corpus labels: per-label Cohen's kappa and F1 (corpus as reference), and
micro-F1 over all (paragraph, label) pairs.

    python bench/rhetoric_iaa.py sample --n 300 --quota 15 --out /path/outside/repo/iaa-texts.jsonl
    python bench/rhetoric_iaa.py score SECOND.jsonl
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_check import SHARED, load  # noqa: E402


NINE = ("Loaded_Language", "Name_Calling-Labeling", "Doubt", "Repetition",
        "Appeal_to_Fear-Prejudice", "Exaggeration-Minimisation", "Flag_Waving",
        "Causal_Oversimplification", "False_Dilemma-No_Choice")


def _key(p: dict) -> str:
    return hashlib.sha1(p["id"].encode()).hexdigest()


def sample(n: int, shared: Path, quota: int = 15) -> list[dict]:
    paras = [p for p in load("paragraphs.jsonl")
             if "text" in p or (shared / p["file"]).is_file()]
    paras.sort(key=_key)
    chosen: dict[str, dict] = {}
    for lab in NINE:
        have = sum(lab in p["labels"] for p in chosen.values())
        for p in paras:
            if have >= quota or len(chosen) >= n:
                break
            if lab in p["labels"] and p["id"] not in chosen:
                chosen[p["id"]] = p
                have += 1
    for p in paras:
        if len(chosen) >= n:
            break
        chosen.setdefault(p["id"], p)
    out = []
    for p in sorted(chosen.values(), key=_key):
        text = p.get("text") or (shared / p["file"]).read_text("utf-8")[p["start"]:p["end"]]
        out.append({"id": p["id"], "article": p["article"], "text": text})
    return out


def score(second: dict[str, set[str]]) -> dict:
    gold = {p["id"]: set(p["labels"]) for p in load("paragraphs.jsonl") if p["id"] in second}
    ids = sorted(gold)
    labels = sorted({lab for i in ids for lab in gold[i] | second[i]})
    per = {}
    tp_all = fp_all = fn_all = 0
    for lab in labels:
        a = [lab in gold[i] for i in ids]
        b = [lab in second[i] for i in ids]
        tp = sum(x and y for x, y in zip(a, b))
        fp = sum(y and not x for x, y in zip(a, b))
        fn = sum(x and not y for x, y in zip(a, b))
        n = len(ids)
        po = sum(x == y for x, y in zip(a, b)) / n
        pa, pb = sum(a) / n, sum(b) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        per[lab] = {"first": sum(a), "second": sum(b), "both": tp, "kappa": round(kappa, 3),
                    "f1": round(f1, 3)}
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
    any_a = [bool(gold[i]) for i in ids]
    any_b = [bool(second[i]) for i in ids]
    micro = 2 * tp_all / (2 * tp_all + fp_all + fn_all) if tp_all + fp_all + fn_all else 1.0
    return {"paragraphs": len(ids), "micro_f1": round(micro, 3),
            "any_label_agreement": round(sum(x == y for x, y in zip(any_a, any_b)) / len(ids), 3),
            "labels": per}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="write the unlabelled sample for a second annotator")
    s.add_argument("--n", type=int, default=300, help="number of paragraphs")
    s.add_argument("--out", type=Path, required=True, help="output JSONL, outside the repo")
    s.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    s.add_argument("--quota", type=int, default=15,
                   help="positives drawn first for each of the nine labels above 2%%")
    c = sub.add_parser("score", help="agreement of a second annotator's labels with the corpus")
    c.add_argument("second", type=Path, help="JSONL of {id, labels}")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        rows = sample(args.n, args.shared, args.quota)
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                            "utf-8")
        print(f"{len(rows)} paragraphs written to {args.out}")
        return 0
    second = {}
    for ln in args.second.read_text("utf-8").splitlines():
        if ln.strip():
            row = json.loads(ln)
            second[row["id"]] = set(row.get("labels", []))
    print(json.dumps(score(second), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
