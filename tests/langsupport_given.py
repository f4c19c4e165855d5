"""Quotes from unspun.langsupport.attribution with sentences and entities given by hand, so
that the attribution rules are tested without a language model.

Import from here (``from langsupport_given import who``); it holds no tests itself.
"""
from __future__ import annotations

import re

from unspun.langsupport.attribution import Ent, attribute


def sents(text: str) -> list[tuple[int, int]]:
    """Sentences: up to . ! or ? (with a closing quote mark after it) or a line's end."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n.!?]+(?:[.!?]+[»“]?|$)", text) if m.group().strip()]


def ents(text: str, *named: tuple[str, str]) -> list[Ent]:
    """Every occurrence of each (name, label), the first listed winning an overlap."""
    out: list[Ent] = []
    for name, label in named:
        for m in re.finditer(re.escape(name), text):
            if not any(e.start < m.end() and m.start() < e.end for e in out):
                out.append(Ent(m.start(), m.end(), label))
    return sorted(out, key=lambda e: e.start)


def who(lang: str, text: str, *named: tuple[str, str]) -> list[tuple[str, str | None, str | None]]:
    """(quote text, speaker text, the text of the speaker's entity's first mention)."""
    out = []
    for q in attribute(text, sents(text), ents(text, *named), lang):
        sp = text[q.speaker[0]:q.speaker[1]] if q.speaker else None
        ent = text[q.mentions[0][0]:q.mentions[0][1]] if q.mentions else None
        out.append((text[q.content[0]:q.content[1]], sp, ent))
    return out
