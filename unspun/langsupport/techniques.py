"""Techniques from a language's own lexicons: distancing (scare quotes, "так называемый",
"soi-disant") and name-calling (label nouns, delegitimizing modifiers).

The cues are data (``unspun/lang/<code>/lexicons/techniques.json``; a trailing ``*`` matches any
ending, so inflected forms are found: самопровозглашенной, autoproclamée).
Nothing depends on which side is named: the same words fire for every country,
party or person (tests/test_langsupport_symmetry.py checks hand-written pairs).
Each hit says whose voice it is in: ``quoted`` inside a quote (the speaker's
words), else ``author``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .attribution import Attributor, Quote

_QUOTED = re.compile(r"«\s?([^«»\n]{1,60}?)\s?»|„([^„“”\n]{1,60})[“”]|“([^“”\n]{1,60})”|\"([^\"\n]{1,60})\"")


@dataclass
class Technique:
    label: str
    start: int
    end: int
    evidence: str
    voice: str                   # "author" or "quoted"
    speaker: tuple[int, int] | None = None


@lru_cache(maxsize=None)
def lexicons(lang: str) -> dict[str, list[str]]:
    """The technique cues of ``lang`` (``lexicons/techniques.json``; {} when none)."""
    from ..lang import available, get

    return dict(get(lang).data("lexicons/techniques", {})) if lang in available() else {}


def _alt(entries: list[str]) -> str:
    parts = []
    for e in sorted(entries, key=len, reverse=True):
        stem = re.escape(e.rstrip("*"))
        parts.append(stem + (r"[^\W\d_]*" if e.endswith("*") else ""))
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


@lru_cache(maxsize=None)
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    lx = lexicons(lang)
    b, e = r"(?<![\w-])", r"(?![\w-])"
    return {
        "so_called": re.compile(rf"{b}{_alt(lx.get('so_called', []))}{e}\s+([«„“\"]?)", re.I),
        "before_scare": re.compile(rf"{b}{_alt(lx.get('before_scare', []))}\s*$", re.I),
        "naming": re.compile(rf"{b}{_alt(lx.get('naming', []))}{e}", re.I),
        "labels": re.compile(rf"{b}{_alt(lx.get('labels', []))}{e}", re.I),
        "modifier": re.compile(rf"{b}{_alt(lx.get('delegitimizing', []))}\s+(?:[^\W\d_]+\s+)?"
                               rf"{_alt(lx.get('group_nouns', []))}{e}", re.I),
    }


class _Voices:
    """Whose words a span is: the quote whose content holds it (quotes do not nest)."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = sorted(quotes, key=lambda q: q.content)
        self.starts = [q.content[0] for q in self.quotes]

    def __call__(self, pos: int, end: int) -> tuple[str, tuple[int, int] | None]:
        k = bisect_right(self.starts, pos) - 1
        if k >= 0 and end <= self.quotes[k].content[1]:
            return "quoted", self.quotes[k].speaker
        return "author", None


def detect(text: str, sents: list[tuple[int, int]], quotes: list[Quote], lang: str,
           attributor: Attributor | None = None) -> list[Technique]:
    """The distancing and name-calling hits in ``text`` (a text in ``lang``)."""
    if not lexicons(lang):
        return []
    pat = _patterns(lang)
    att = attributor or Attributor(text, sents, [], lang)
    hits: list[Technique] = []
    quote_spans = {q.content for q in quotes if q.kind == "direct"}
    _voice = _Voices(quotes)
    for m in _QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        words = inner.split()
        if not 1 <= len(words) <= 4 or re.search(r"[.!?,;:]", inner) or not inner[:1].islower():
            continue
        s_start, _ = att.sentence_of(m.start())
        before = text[max(s_start, m.start() - 40):m.start()]
        so_called = [(x.start(), x.end()) for x in
                     pat["so_called"].finditer(text, max(s_start, m.start() - 40), m.end())]
        before = pat["so_called"].sub(lambda x: " " * len(x.group(0)), before)
        any_word = lexicons(lang).get("scare_after_any_word") and re.search(r"[^\W\d_]\s*$", before)
        if not (any_word or pat["before_scare"].search(before)) or pat["naming"].search(before):
            continue
        if (m.start(), m.end()) in quote_spans:
            continue  # the quoted words are someone's quote, with a speaker
        cue = att.find_cue(s_start, m.start(), last=True)
        if cue and not any(a <= cue[0] < b for a, b in so_called):
            continue  # a verb of saying earlier in the sentence: someone's words
        voice, speaker = _voice(m.start(), m.end())
        hits.append(Technique("Doubt", m.start(), m.end(),
                              f"scare quotes around '{inner}' distance the text from the term",
                              voice, speaker))
    for m in pat["so_called"].finditer(text):
        if m.group(1):
            continue  # "так называемые «выборы»": the scare quote above covers it
        nxt = re.compile(r"[^\W\d_][\w-]*").match(text, m.end())
        end = nxt.end() if nxt else m.end()
        voice, speaker = _voice(m.start(), end)
        hits.append(Technique("Doubt", m.start(), end, f"'{m.group(0).strip()}' before a term",
                              voice, speaker))
    for key, reason in (("labels", "label '{}' for a person or group"),
                        ("modifier", "delegitimizing modifier in '{}'")):
        for m in pat[key].finditer(text):
            voice, speaker = _voice(m.start(), m.end())
            hits.append(Technique("Name_Calling-Labeling", m.start(), m.end(),
                                  reason.format(m.group(0)), voice, speaker))
    hits.sort(key=lambda h: (h.start, h.end))
    out: list[Technique] = []
    for h in hits:   # a modifier phrase and a label inside it: one hit
        if out and out[-1].label == h.label and h.start < out[-1].end:
            if h.end - h.start > out[-1].end - out[-1].start:
                out[-1] = h
            continue
        out.append(h)
    return out
