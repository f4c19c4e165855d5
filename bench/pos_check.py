"""English backend check: the trimmed pipeline (no attribute_ruler, no lemmatizer; see
unspun/lang/en/attributes.py) against the full spaCy model, token by token.

    PYTHONPATH=. .venv/bin/python bench/pos_check.py [--limit N]

Reads every PolNeAR text (train + dev, headline line included) from ../shared/data and
counts tokens whose pos_, tag_, dep_, head, entity or lemma (unspun.lang.lemma) differ.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def main() -> int:
    import spacy

    from unspun.lang import lemma
    from unspun.lang.en.backend import MODEL
    from unspun.pipeline.nlp import LinearTokenizer, get_nlp

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    files = sorted(POLNEAR.glob("*/text/*.txt"))[:args.limit]
    if not files:
        print(f"no PolNeAR texts under {POLNEAR}")
        return 0
    texts = [f.read_text("utf-8") for f in files]
    full = spacy.load(MODEL)
    full.tokenizer = LinearTokenizer(full.tokenizer)
    trim = get_nlp()
    bad = dict.fromkeys(("pos", "tag", "dep", "head", "ent", "lemma"), 0)
    tokens, start = 0, time.perf_counter()
    for a, b in zip(full.pipe(texts, batch_size=16), trim.pipe(texts, batch_size=16)):
        for x, y in zip(a, b, strict=True):
            tokens += 1
            bad["pos"] += x.pos_ != y.pos_
            bad["tag"] += x.tag_ != y.tag_
            bad["dep"] += x.dep_ != y.dep_
            bad["head"] += x.head.i != y.head.i
            bad["ent"] += (x.ent_type_, x.ent_iob_) != (y.ent_type_, y.ent_iob_)
            if x.lemma_ != lemma(y):
                bad["lemma"] += 1
                print(f"lemma differs: {x.text!r} {x.tag_} {x.pos_}: {x.lemma_!r} vs {lemma(y)!r}")
    print(f"{len(texts)} texts, {tokens} tokens, {time.perf_counter() - start:.0f}s; "
          f"tokens that differ: {bad}")
    return 1 if any(bad.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
