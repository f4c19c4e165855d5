"""Throughput per token: non-English analysis against English, on the multilingual gold texts.

    .venv/bin/python bench/multi_speed.py [--rounds 3]

Each language's gold articles are analysed ``--rounds`` times with
``unspun.analyze`` (models loaded and warmed first); tokens are whitespace-separated
words, so languages are compared on the same unit.  Target (issue 16): every
language at >= 0.5x English tokens/s.  The machine is shared: compare the ratios
within one run.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from multi_gold import languages, load  # noqa: E402


def rate(texts: list[str], rounds: int) -> float:
    import unspun

    for t in texts[:2]:
        unspun.analyze(t)   # load the language's models
    words = sum(len(t.split()) for t in texts) * rounds
    started = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            unspun.analyze(t)
    return words / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    rates = {lang: rate([a["text"] for a in load(lang)], args.rounds) for lang in languages()}
    base = rates["en"]
    print(f"{'lang':<6}{'words/s':>10}{'x English':>11}")
    for lang, r in sorted(rates.items()):
        print(f"{lang:<6}{r:>10.0f}{r / base:>11.2f}{'' if r / base >= 0.5 else '  (below 0.5)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
