"""Quotes that echo another: a headline or pull quote repeating words said elsewhere.

A headline made of a quote ("'The water took everything': Cree Nation takes Hydro to
court") has no cue of its own; the article quotes the same words later with their speaker
('"The water took everything. The trails ..." Spence says'). The echo takes that speaker.

Words are compared as lower-case runs of letters and digits, so marks, case and
punctuation do not matter; the echo must hold at least ``MIN_WORDS`` words, all of them,
in order, inside the one attributed quote. The lookup goes through an index of each
attributed quote's word triples; each echo checks at most ``MAX_CHECKS`` of the quotes its
first triple opens, and all checks together read at most ``BUDGET`` times the article's
length: linear in it whatever the input.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable, Iterable

MIN_WORDS = 3
MAX_CHECKS = 8
BUDGET = 4
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _joined(words: list[str]) -> str:
    return " " + " ".join(words) + " "


def echoed(quotes: Iterable[Any], text: str, is_echo: Callable[[Any], bool],
           speaker_of: Callable[[Any], Any]) -> list[tuple[Any, Any]]:
    """``(echo, source)`` pairs: each quote ``is_echo`` accepts (no cue, no speaker) whose
    words all stand, in order, inside one other quote that has a speaker (``speaker_of``
    not None), the first such quote in the text. Quotes have ``start`` and ``end``."""
    quotes = sorted(quotes, key=lambda q: q.start)
    words = {id(q): _words(text[q.start:q.end]) for q in quotes}
    joined = {k: _joined(ws) for k, ws in words.items()}
    index: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for q in quotes:
        if speaker_of(q) is None:
            continue
        ws = words[id(q)]
        for tri in {tuple(ws[i:i + MIN_WORDS]) for i in range(len(ws) - MIN_WORDS + 1)}:
            index[tri].append(q)
    out, budget = [], BUDGET * len(text)
    for q in quotes:
        ws = words[id(q)]
        if len(ws) < MIN_WORDS or not is_echo(q):
            continue
        for src in index.get(tuple(ws[:MIN_WORDS]), [])[:MAX_CHECKS]:
            budget -= len(joined[id(src)])
            if budget < 0:
                return out
            if src is not q and joined[id(q)] in joined[id(src)]:
                out.append((q, src))
                break
    return out
