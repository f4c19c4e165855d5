"""Techniques of argument signalled by sentence patterns (not single words).

False dilemmas, whataboutism, causal and consequential oversimplification,
straw men, guilt by association, superlative exaggeration, rhetorical doubt
and slogans.  Each pattern carries its own evidence text; the patterns are the
language's (``arguments`` in ``unspun/lang/<code>/techniques.json``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .base import Hit, Source, pattern, words_regex


@dataclass(frozen=True)
class Pattern:
    label: str
    regex: re.Pattern[str]
    reason: str
    score: float = 0.55


def language_patterns(lang: Any) -> tuple[Pattern, ...]:
    """The sentence patterns of a language (``arguments.patterns`` in its ``techniques.json``),
    compiled once."""
    def make() -> tuple[Pattern, ...]:
        return tuple(Pattern(p["label"], pattern(p["pattern"]), p["reason"], p.get("score", 0.55))
                     for p in lang.technique_words("arguments", "patterns"))

    return lang.memo(("argument patterns",), make)


def patterns(src: Source) -> Iterable[Hit]:
    """Every sentence pattern of the source's language over the text."""
    for p in language_patterns(src.lang):
        for m in p.regex.finditer(src.text):
            yield Hit(p.label, m.start(), m.end(), p.reason, p.score)


# words introducing a slogan (the language's ``arguments.slogan_words``), then the quoted words
_CHANT = r"\b(?:{})\b[^\"“\n]{0,30}[\"“]([^\"”\n]{2,60})[\"”]"
_CAPS = re.compile(r"(?<![\w'])[A-Z]{2,}(?:[\s,]+[A-Z]{2,}){1,6}!+|"
                   r"(?<=[:\"“]\s)[A-Z]{2,}(?:[\s,]+[A-Z]{2,}){2,6}[.!]")


def slogans(src: Source) -> Iterable[Hit]:
    """Quoted words introduced as a chant, slogan or sign; all-capitals exclamations (or
    all-capitals phrases after a colon or quotation mark, not headings)."""
    for m in words_regex(src, "arguments", "slogan_words", _CHANT).finditer(src.text):
        yield Hit("Slogans", m.start(1), m.end(1), "words introduced as a chant or slogan", 0.75)
    for m in _CAPS.finditer(src.text):
        what = "all-capitals exclamation" if m.group(0).endswith("!") else \
            "all-capitals phrase set off like a slogan"
        yield Hit("Slogans", m.start(), m.end(), what, 0.55)


DETECTORS = (patterns, slogans)
