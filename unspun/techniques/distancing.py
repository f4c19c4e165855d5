"""Doubt through distancing: scare quotes and "so-called" before a term.

A scare quote is a short quoted term used as a noun phrase in running text
(after a determiner or preposition, not after a speech or naming verb), so
the writer shows the term without owning it: 'the "elections"'.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from .base import Hit, Source

# the word before a scare-quoted term: a determiner or possessive (the term used as a
# noun phrase of the writer's own sentence), or "so-called"
_BEFORE_OK = {"the", "so-called", "their", "his", "her", "its", "our", "your", "this", "these",
              "those", "such", "about", "of"}
_PRONOUN = re.compile(r"(?<![\w'’])(?:i|we|you|he|she|they|me|us|him|them|my|our|your)(?![\w'’])",
                      re.IGNORECASE)
_NAMING = re.compile(r"(?<![\w-])(?:said|says|say|call|called|calls|dubbed|termed|described|labell?ed|named|"
                     r"titled|entitled|known|word|words|term|phrase|slogan|slogans|chant\w*|read|"
                     r"reads|reading|headline\w*|wrote|writes|tweet\w*|hashtag|motto|song|book|"
                     r"film|movie|show|album|article|column|op-ed|series|episode|likened|compared|"
                     r"referred|referring|describ\w+)\W+(?:[\w'’-]+\W+){0,3}$",
                     re.IGNORECASE)
# a speech verb earlier in the sentence: a short quote there is the speaker's words
_SPOKEN_WORDS = "said|says|told|tells|asked|added|wrote|tweeted|declared"
_SPOKEN = re.compile(rf"(?<![\w-])(?:{_SPOKEN_WORDS})(?![\w-])", re.IGNORECASE)
_SPOKEN_AT = re.compile(rf"(?=({_SPOKEN_WORDS}))", re.IGNORECASE)  # every position, overlaps too
_WORD_CHAR = re.compile(r"[\w-]")
# a quoted term used as a modifier ('"cell phone only" households') is jargon, not distance:
# the next word is lowercase and not a function word or verb of the sentence
_MODIFIER_USE = re.compile(r"\s+(?!(?:is|are|was|were|be|been|that|which|who|and|or|but|of|in|to|"
                           r"for|by|on|at|as|with|from|has|have|had|will|would|could|should|can|"
                           r"may|might|must|did|does|do|not|than|then|into|over|after|before|"
                           r"while|because|if|so|its|their|his|her)\b)[a-z]")
_SO_CALLED = re.compile(r"(?<![\w-])so[- ]called\s+(?![\"“«])[\w'’-]+(?:\s+(?!(?:of|in|that|which|"
                        r"who|is|are|was|were|and|or|by|to|for|on|with|from|has|have|had|as|"
                        r"at|but)\b)[a-z][\w'’-]*)?", re.IGNORECASE)


_MARK = re.compile("[\"“”«»]")


def _quote_pairs(text: str) -> Iterable[tuple[int, int]]:
    """(open, close) positions of marks that enclose a word run: opener before a word,
    closer after one.  Consecutive marks are paired, so nested straight quotes work."""
    marks = [m.start() for m in _MARK.finditer(text)]
    for i, j in zip(marks, marks[1:]):
        opens = (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalnum()
        closes = text[j - 1].isalnum() or text[j - 1] in ")%"
        after_ok = j + 1 >= len(text) or not text[j + 1].isalnum()
        if opens and closes and after_ok and text[i] not in "”»" and text[j] not in "“«":
            yield i, j


class _Spoken:
    """Answers ``_SPOKEN.search(text[start:end])`` for many stretches of one text without
    reading each stretch again (a long sentence holds many quotes)."""

    def __init__(self, text: str):
        self.text = text
        words = [(m.start(), m.end(1)) for m in _SPOKEN_AT.finditer(text)]
        self.at = dict(words)
        self.ending: dict[int, list[int]] = {}
        for p, e in words:
            self.ending.setdefault(e, []).append(p)
        # whole words wherever the stretch starts and ends; they do not overlap, so both
        # their starts and their ends are sorted
        self.whole = [(p, e) for p, e in words if not self._word(p - 1) and not self._word(e)]
        self.whole_starts = [p for p, _ in self.whole]

    def _word(self, i: int) -> bool:
        return 0 <= i < len(self.text) and _WORD_CHAR.match(self.text[i]) is not None

    def within(self, start: int, end: int) -> bool:
        k = bisect_left(self.whole_starts, start)
        if k < len(self.whole) and self.whole[k][1] <= end:
            return True
        e = self.at.get(start)  # a word at the stretch's start (its left edge is the stretch's)
        if e is not None and e <= end and (e == end or not self._word(e)):
            return True
        return any(p >= start and (p == start or not self._word(p - 1))
                   for p in self.ending.get(end, ()))


def scare_quotes(src: Source) -> Iterable[Hit]:
    """Short quoted noun phrases in running text, optionally after 'so-called'."""
    text = src.text
    spoken: _Spoken | None = None
    for qs, qe in _quote_pairs(text):
        inner = text[qs + 1:qe].strip()
        words = inner.split()
        if not 1 <= len(words) <= 4 or "\n" in inner or re.search(r"[.!?,;:]", inner) \
                or not inner[0].islower() or _PRONOUN.search(inner):
            continue
        s_start, _ = src.sentence_of(qs)
        before = text[max(s_start, qs - 40):qs]
        prev = re.findall(r"[\w'’-]+", before)
        if not prev or prev[-1].lower() not in _BEFORE_OK or _NAMING.search(before):
            continue
        spoken = spoken or _Spoken(text)
        if spoken.within(s_start, qs):
            continue
        if _MODIFIER_USE.match(text, qe + 1):
            continue
        start, end = qs, qe + 1
        reason = f"scare quotes around '{inner}' distance the text from the term"
        so = re.search(r"(?<![\w-])so[- ]called\s*$", text[max(0, start - 12):start], re.IGNORECASE)
        if so:
            start = max(0, qs - 12) + so.start()
            reason = f"'so-called' and scare quotes around '{inner}'"
        yield Hit("Doubt", start, end, reason, 0.7 if so else 0.6)


def so_called(src: Source) -> Iterable[Hit]:
    """'so-called' before a noun phrase (without quotation marks): the phrase's noun chunk
    when parsed, else at most two words."""
    chunks: list | None = None
    for m in _SO_CALLED.finditer(src.text):
        end = m.end()
        if src.doc is not None:
            if chunks is None:  # noun chunks do not overlap: found once, then bisected
                chunks = list(src.doc.noun_chunks)
                starts = [c.start for c in chunks]
            nxt = src.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            chunk = None
            if nxt is not None:
                k = bisect_right(starts, nxt.end - 1) - 1
                chunk = chunks[k] if k >= 0 and nxt.end - 1 < chunks[k].end else None
            if chunk is not None and chunk.end_char > m.start():
                end = chunk.end_char
        yield Hit("Doubt", m.start(), end, "'so-called' before a noun phrase", 0.65)


DETECTORS = (scare_quotes, so_called)
