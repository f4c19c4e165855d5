"""Doubt through distancing: scare quotes and "so-called" before a term.

A scare quote is a short quoted term used as a noun phrase in running text
(after a determiner or preposition, not after a speech or naming verb), so
the writer shows the term without owning it: 'the "elections"'.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .base import Hit, Source

_BEFORE_OK = {"the", "a", "an", "about", "of", "on", "so-called", "their", "his", "her", "its",
              "our", "your", "this", "these", "those", "in", "for", "with", "against", "by",
              "from", "into", "at", "any", "such", "called", "some"}
_NAMING = re.compile(r"(?<![\w-])(?:said|says|say|called|calls|dubbed|termed|described|labell?ed|named|"
                     r"titled|entitled|known|word|words|term|phrase|slogan|slogans|chant\w*|read|"
                     r"reads|reading|headline\w*|wrote|writes|tweet\w*|hashtag|motto|song|book|"
                     r"film|movie|show|album|article|column|op-ed|series|episode|likened|compared|"
                     r"referred|referring|describ\w+)\W+(?:[\w'’-]+\W+){0,3}$",
                     re.IGNORECASE)
# a speech verb earlier in the sentence: a short quote there is the speaker's words
_SPOKEN = re.compile(r"(?<![\w-])(?:said|says|told|tells|asked|added|wrote|tweeted|declared)(?![\w-])",
                     re.IGNORECASE)
_SO_CALLED = re.compile(r"(?<![\w-])so[- ]called\s+(?![\"“«])[\w'’-]+(?:\s+(?!(?:of|in|that|which|"
                        r"who|is|are|was|were|and|or|by|to|for|on|with|from|has|have|had|as|"
                        r"at|but)\b)[a-z][\w'’-]*)?", re.IGNORECASE)


def _is_title(words: list[str]) -> bool:
    return len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3)


def _quote_pairs(text: str) -> Iterable[tuple[int, int]]:
    """(open, close) positions of marks that enclose a word run: opener before a word,
    closer after one.  Consecutive marks are paired, so nested straight quotes work."""
    marks = [i for i, c in enumerate(text) if c in "\"“”«»"]
    for i, j in zip(marks, marks[1:]):
        opens = (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalnum()
        closes = text[j - 1].isalnum() or text[j - 1] in ")%"
        after_ok = j + 1 >= len(text) or not text[j + 1].isalnum()
        if opens and closes and after_ok and text[i] not in "”»" and text[j] not in "“«":
            yield i, j


def scare_quotes(src: Source) -> Iterable[Hit]:
    """Short quoted noun phrases in running text, optionally after 'so-called'."""
    text = src.text
    for qs, qe in _quote_pairs(text):
        inner = text[qs + 1:qe].strip()
        words = inner.split()
        if not 1 <= len(words) <= 6 or "\n" in inner or re.search(r"[.!?,;:]", inner) \
                or _is_title(words):
            continue
        s_start, _ = src.sentence_of(qs)
        before = text[max(s_start, qs - 40):qs]
        prev = re.findall(r"[\w'’-]+", before)
        if not prev or prev[-1].lower() not in _BEFORE_OK or _NAMING.search(before) \
                or _SPOKEN.search(text[s_start:qs]):
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
    for m in _SO_CALLED.finditer(src.text):
        end = m.end()
        if src.doc is not None:
            nxt = src.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            chunk = next((c for c in src.doc.noun_chunks
                          if nxt is not None and c.start <= nxt.end - 1 < c.end), None)
            if chunk is not None and chunk.end_char > m.start():
                end = chunk.end_char
        yield Hit("Doubt", m.start(), end, "'so-called' before a noun phrase", 0.65)


DETECTORS = (scare_quotes, so_called)
