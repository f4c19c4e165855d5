"""Time that grows faster than the text: the full pipeline on pathological articles.

    PYTHONPATH=$PWD .venv/bin/python bench/pathological.py [--pairs 32:64,128:256]
        [--inputs quotes,huge_sentence,...] [--rounds 3] [--budget 120]

For each pathological input (see :data:`GENERATORS`) and each size pair
``n:2n`` (in KB of characters), times the default pipeline
(``Pipeline()``, every default component, as ``unspun analyze`` runs it,
spaCy parse included) on the input at ``n`` and at ``2n`` and reports the
growth ratio ``time(2n) / time(n)``: about 2 is linear, 4 is quadratic.
Times are CPU seconds of this process (``time.process_time``) for the analysis
only: the model is loaded and the pipeline warmed up first, and each size is
timed best-of-``--rounds`` (a run longer than ``--budget`` seconds is not
repeated, and every larger size is skipped once one took longer than
``--budget``, so a quadratic input cannot hold the machine for hours).
The inputs bypass the readers, so ``--max-chars`` (1,000,000 by default)
does not limit them; ``unspun analyze --max-chars 300000`` lets 256 KB through.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

KB = 1024


def _fill(unit: Callable[[random.Random], str], size: int, seed: int = 7, sep: str = "") -> str:
    """Pieces from ``unit`` joined by ``sep`` until ``size`` characters (cut to size)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        piece = unit(rng)
        parts.append(piece)
        total += len(piece) + len(sep)
    return sep.join(parts)[:size]


_WORDS = ("government", "the", "minister", "said", "would", "council", "of", "and", "plan",
          "people", "in", "a", "new", "report", "security", "economy", "vote", "to", "city")
_NAMES = ("John", "Mary", "Smith", "Jones", "Ali", "Chen", "Garcia", "Ivanova", "Okafor",
          "Müller", "Rossi", "Kowalski", "Tanaka", "Haddad", "Nguyen", "Dubois", "Silva")


def quotes(n: int) -> str:
    """Only quote marks: a random mix of ``"`` ``“`` ``”`` ``'`` ``«`` ``»``."""
    return _fill(lambda r: r.choice("\"“”'«»"), n)


def quote_runs(n: int) -> str:
    """Runs of quote marks between words: ``word """"""" word ''''' ...``."""
    return _fill(lambda r: r.choice(_WORDS) + " " + r.choice("\"“”'«»") * r.randint(5, 60) + " ", n)


def huge_sentence(n: int) -> str:
    """One sentence of words with no full stop."""
    return _fill(lambda r: r.choice(_WORDS), n, sep=" ")


def no_spaces(n: int) -> str:
    """One giant token of letters and punctuation, no space at all."""
    return _fill(lambda r: r.choice("abcdefghijklmnopqrstuvwxyz,;:-/()[]&%$#@!?.'\"_+=*"), n)


def letters_only(n: int) -> str:
    """One giant word of letters."""
    return _fill(lambda r: r.choice("abcdefghijklmnopqrstuvwxyz"), n)


def short_lines(n: int) -> str:
    """Short lines (10,000 at 128 KB, scaled), each its own paragraph."""
    return _fill(lambda r: f"{r.choice(_NAMES)} {r.choice(_WORDS)}.", n, sep="\n")


def blank_paragraphs(n: int) -> str:
    """Tiny paragraphs separated by blank lines."""
    return _fill(lambda r: f"{r.choice(_WORDS).capitalize()} {r.choice(_WORDS)}.", n, sep="\n\n")


def dashes(n: int) -> str:
    """Only dashes, hyphens and parentheses."""
    return _fill(lambda r: r.choice("-—–()"), n)


def he_said(n: int) -> str:
    """One paragraph of repeated short quotes: ``"Yes," he said. "No," she said. ...``."""
    return _fill(lambda r: f"\"{r.choice(_WORDS).capitalize()},\" {r.choice(('he', 'she'))} said.", n,
                 sep=" ")


def said_no_quotes(n: int) -> str:
    """One paragraph of reported speech: ``Smith said the plan would ...`` repeated."""
    return _fill(lambda r: f"{r.choice(_NAMES)} said that the {r.choice(_WORDS)} would "
                           f"{r.choice(_WORDS)}.", n, sep=" ")


def said_chain(n: int) -> str:
    """Reports inside reports, no full stop: ``Smith said that Chen said that ...``."""
    return _fill(lambda r: f"{r.choice(_NAMES)} said that", n, sep=" ")


def pronoun_run(n: int) -> str:
    """Named people and pronouns that speak, in one sentence: ``John Chen met Mary Ali and
    he said she would ...``."""
    return _fill(lambda r: f"{r.choice(_NAMES[:2])} {r.choice(_NAMES[2:])} met "
                           f"{r.choice(_NAMES)} and {r.choice(('he', 'she'))} said the "
                           f"{r.choice(_WORDS)} would {r.choice(_WORDS)} and", n, sep=" ")


def names(n: int) -> str:
    """Thousands of capitalised names, comma-separated, in one sentence."""
    return _fill(lambda r: f"{r.choice(_NAMES)} {r.choice(_NAMES)}", n, sep=", ")


def nested_quotes(n: int) -> str:
    """Deeply nested quotations: ``“word ‘word “word ...`` then all the closings."""
    half = n // 2
    opens = _fill(lambda r: r.choice(("“", " ‘", " \"", " «")) + r.choice(_WORDS) + " ", half)
    closes = _fill(lambda r: r.choice(("”", "’", "\"", "»")) + " ", n - len(opens), seed=8)
    return opens + closes


def open_quotes(n: int) -> str:
    """Paragraphs that each open a quote and never close it."""
    return _fill(lambda r: f"“{r.choice(_WORDS)} {r.choice(_WORDS)} {r.choice(_WORDS)}", n, sep="\n\n")


def scare_quotes(n: int) -> str:
    """One paragraph of short scare-quoted terms: ``the "plan" of the "vote" ...``."""
    return _fill(lambda r: f"the \"{r.choice(_WORDS)}\" of", n, sep=" ")


def repeated_phrase(n: int) -> str:
    """One phrase over and over (the repetition detector's worst case)."""
    return _fill(lambda r: "the constitutional order of the sovereign nation", n, sep=" ")


def caps(n: int) -> str:
    """All-capitals words, no sentence end."""
    return _fill(lambda r: r.choice(_WORDS).upper(), n, sep=" ")


def capital_letters(n: int) -> str:
    """One giant word of capital letters (the acronym scanners' worst case)."""
    return "A" * n


def title_words(n: int) -> str:
    """Capitalised words joined by "and", "of" and "&", no sentence end (the scanners of
    organisations' names and of titles before names)."""
    return _fill(lambda r: r.choice(_NAMES) + r.choice((" and ", " of ", " & ", " ", " Mr. ")), n)


def relatives(n: int) -> str:
    """Family relations before given names, couples and place-owned ministries, in one
    sentence: ``his son, John, and Ann and Mary Chen, Ontario's Ministry of Health, ...``
    (the scanners of relatives' surnames, couples and bodies' owners)."""
    return _fill(lambda r: r.choice(("his son, ", "her daughter, ", "Chen's sister, ", "")) + r.choice(_NAMES)
                 + r.choice((", ", " and Mary Chen, ", ", Ontario's Ministry of Health, ")), n)


def introductions(n: int) -> str:
    """People introduced as a reporter writes them, in one sentence: ``Coun. Ann Chen, 46,
    who ..., Doreen Marsh, a nurse, Regina Tenants' Committee, Northern Sable Energy, Ann
    Chen Lobster Harvesters' Co-operative ...`` (the scanners of untagged and aged names,
    titles, places before bodies, body words and untagged bodies)."""
    return _fill(lambda r: r.choice(("Coun. ", "Next was ", "", "the Regina ")) + r.choice(_NAMES)
                 + " " + r.choice(_NAMES)
                 + r.choice((", 46, who ", ", a nurse, ", " said ", " Tenants' Committee and ", " Energy and ",
                             " Lobster Harvesters' Co-operative and ", " Ridge Coal told ")), n)


GENERATORS: dict[str, Callable[[int], str]] = {
    f.__name__: f for f in (quotes, quote_runs, huge_sentence, no_spaces, letters_only, short_lines,
                            blank_paragraphs, dashes, he_said, said_no_quotes, said_chain,
                            pronoun_run, names, nested_quotes,
                            open_quotes, scare_quotes, repeated_phrase, caps, capital_letters,
                            title_words, relatives, introductions)
}


def analyse_cpu(pipe, text: str) -> tuple[float, object]:
    from unspun.readers.article import Article

    start = time.process_time()
    out = pipe.analyze_batch([Article(text=text, origin="bench")])[0]
    return time.process_time() - start, out


def best_time(pipe, text: str, rounds: int, budget: float) -> float:
    best = float("inf")
    for _ in range(rounds):
        t, out = analyse_cpu(pipe, text)
        if not hasattr(out, "quotes"):
            print(f"  ! analysis failed: {out}", file=sys.stderr)
        best = min(best, t)
        if t > budget:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", default="32:64,128:256", help="size pairs n:2n in KB")
    parser.add_argument("--inputs", default=",".join(GENERATORS), help="comma-separated inputs")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs per size")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="CPU seconds after which a size is not repeated / 2n is skipped")
    args = parser.parse_args()

    from unspun.pipeline.nlp import get_nlp
    from unspun.pipeline.runner import Pipeline

    get_nlp()
    pipe = Pipeline()
    seed = "The minister said on Monday that the \"plan\" would go ahead. \"We are ready,\" he said."
    for _ in range(2):
        analyse_cpu(pipe, seed * 20)  # warm up
    pairs = [tuple(int(x) for x in p.split(":")) for p in args.pairs.split(",")]
    print(f"components: {', '.join(pipe.names)}; CPU seconds, best of {args.rounds}")
    header = f"{'input':<18}" + "".join(f"{f'{a}KB':>9}{f'{b}KB':>9}{'ratio':>7}" for a, b in pairs)
    print(header)
    for name in args.inputs.split(","):
        gen = GENERATORS[name]
        cells = []
        over = False  # a size took longer than the budget: larger sizes are skipped
        for a, b in pairs:
            if over:
                cells.append(f"{'skip':>9}{'skip':>9}{'-':>7}")
                continue
            ta = best_time(pipe, gen(a * KB), args.rounds, args.budget)
            if ta > args.budget:
                over = True
                cells.append(f"{ta:9.2f}{'skip':>9}{'-':>7}")
                continue
            tb = best_time(pipe, gen(b * KB), args.rounds, args.budget)
            over = tb > args.budget
            cells.append(f"{ta:9.2f}{tb:9.2f}{tb / max(ta, 1e-9):7.2f}")
        print(f"{name:<18}" + "".join(cells), flush=True)


if __name__ == "__main__":
    main()
