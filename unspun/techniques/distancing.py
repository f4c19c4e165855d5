"""Doubt through distancing: scare quotes and "so-called" before a term.

A scare quote is a short quoted term used as a noun phrase in running text
(after a determiner or preposition, not after a speech or naming verb), so
the writer shows the term without owning it: 'the "elections"'.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from .base import Hit, Source, word_set, words_regex

# The language's words (``distancing`` in its techniques.json), as regular-expression
# templates ({} marks the alternation).  ``before_term``: the word before a scare-quoted term,
# a determiner or possessive (the term used as a noun phrase of the writer's own sentence),
# or "so-called".
_PRONOUN = r"(?<![\w'’])(?:{})(?![\w'’])"
_NAMING = r"(?<![\w-])(?:{})\W+(?:[\w'’-]+\W+){0,3}$"
# a speech verb earlier in the sentence: a short quote there is the speaker's words
_SPOKEN_AT = r"(?=({}))"  # every position, overlaps too
_WORD_CHAR = re.compile(r"[\w-]")
# a quoted term used as a modifier ('"cell phone only" households') is jargon, not distance:
# the next word is lowercase and not a function word or verb of the sentence
_MODIFIER_USE = r"\s+(?!(?:{})\b)[a-z]"
_SO_CALLED_STOP = r"(?:\s+(?!(?:{})\b)[a-z][\w'’-]*)?"


def _so_called(src: Source) -> re.Pattern[str]:
    """'so-called' (the language's ``distancing.so_called``) before a noun phrase."""
    def make() -> re.Pattern[str]:
        word = src.lang.technique_words("distancing", "so_called") or "(?!)"
        stop = words_regex(src, "distancing", "so_called_stop", _SO_CALLED_STOP).pattern
        return re.compile(rf"(?<![\w-]){word}\s+(?![\"“«])[\w'’-]+{stop}", re.IGNORECASE)

    return src.lang.memo(("so-called",), make)


def _so_called_before(src: Source) -> re.Pattern[str]:
    word = src.lang.technique_words("distancing", "so_called") or "(?!)"
    return src.lang.memo(("so-called before",),
                         lambda: re.compile(rf"(?<![\w-]){word}\s*$", re.IGNORECASE))


def _quote_pairs(text: str, src: Source) -> Iterable[tuple[int, int]]:
    """(open, close) positions of marks that enclose a word run: opener before a word,
    closer after one.  Consecutive marks are paired, so nested straight quotes work.  The
    marks are the language's (``distancing.quote_marks``; ``close_only``/``open_only`` never
    open/close)."""
    chars = src.lang.technique_words("distancing", "quote_marks")
    close_only = src.lang.technique_words("distancing", "close_only")
    open_only = src.lang.technique_words("distancing", "open_only")
    if not chars:
        return
    finder = src.lang.memo(("distancing marks",),
                           lambda: re.compile("[" + re.escape("".join(chars)) + "]"))
    marks = [m.start() for m in finder.finditer(text)]
    for i, j in zip(marks, marks[1:]):
        opens = (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalnum()
        closes = text[j - 1].isalnum() or text[j - 1] in ")%"
        after_ok = j + 1 >= len(text) or not text[j + 1].isalnum()
        if opens and closes and after_ok and text[i] not in close_only and text[j] not in open_only:
            yield i, j


class _Spoken:
    """Answers "is there a whole speech word (``distancing.speech_words``) in
    ``text[start:end])``" for many stretches of one text without
    reading each stretch again (a long sentence holds many quotes)."""

    def __init__(self, text: str, spoken_at: re.Pattern[str]):
        self.text = text
        words = [(m.start(), m.end(1)) for m in spoken_at.finditer(text)]
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
    before_ok = word_set(src, "distancing", "before_term")
    pronoun = words_regex(src, "distancing", "pronouns", _PRONOUN)
    naming = words_regex(src, "distancing", "naming_words", _NAMING)
    modifier_use = words_regex(src, "distancing", "modifier_followers", _MODIFIER_USE, 0)
    for qs, qe in _quote_pairs(text, src):
        inner = text[qs + 1:qe].strip()
        words = inner.split()
        if not 1 <= len(words) <= 4 or "\n" in inner or re.search(r"[.!?,;:]", inner) \
                or not inner[0].islower() or pronoun.search(inner):
            continue
        s_start, _ = src.sentence_of(qs)
        before = text[max(s_start, qs - 40):qs]
        prev = re.findall(r"[\w'’-]+", before)
        if not prev or prev[-1].lower() not in before_ok or naming.search(before):
            continue
        spoken = spoken or _Spoken(text, words_regex(src, "distancing", "speech_words", _SPOKEN_AT))
        if spoken.within(s_start, qs):
            continue
        if modifier_use.match(text, qe + 1):
            continue
        start, end = qs, qe + 1
        reason = f"scare quotes around '{inner}' distance the text from the term"
        so = _so_called_before(src).search(text[max(0, start - 12):start])
        if so:
            start = max(0, qs - 12) + so.start()
            reason = f"'so-called' and scare quotes around '{inner}'"
        yield Hit("Doubt", start, end, reason, 0.7 if so else 0.6)


def so_called(src: Source) -> Iterable[Hit]:
    """'so-called' before a noun phrase (without quotation marks): the phrase's noun chunk
    when parsed, else at most two words."""
    chunks: list | None = None
    for m in _so_called(src).finditer(src.text):
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
