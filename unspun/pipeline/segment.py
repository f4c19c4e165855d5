"""Paragraphs (blank lines, else line breaks) and sentences (spaCy's parser)."""
from __future__ import annotations

import re

from ..record import Span, span
from .registry import Context, component

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"[.!?。！？…]")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace trimmed."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    bounds, pos = [], 0
    for m in list(splitter.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = _trim(text, pos, end)
        if e > s:
            bounds.append((s, e))
        pos = m.end() if m else len(text)
    return bounds


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_bounds(text: str, doc: object, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's sentences, cut at paragraph ends so none crosses a paragraph."""
    cuts = sorted({e for _, e in paragraphs})
    out = []
    for sent in doc.sents:  # type: ignore[attr-defined]
        start = sent.start_char
        for cut in cuts:
            if start < cut < sent.end_char:
                out.append(_trim(text, start, cut))
                start = cut
        out.append(_trim(text, start, sent.end_char))
    return [(s, e) for s, e in out if e > s]


def regex_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A plain fallback for languages without a parser: split after end punctuation."""
    out = []
    for ps, pe in paragraphs:
        start = ps
        for m in re.finditer(r"[.!?。！？](?=\s)", text[ps:pe]):
            out.append(_trim(text, start, ps + m.end()))
            start = ps + m.end()
        out.append(_trim(text, start, pe))
    return [(s, e) for s, e in out if e > s]


@component("segment", assigns=("paragraphs", "sentences"), english_only=False)
def segment(ctx: Context) -> None:
    rec = ctx.record
    paras = paragraph_bounds(rec.text)
    rec.paragraphs = [span(rec.text, s, e) for s, e in paras]
    bounds = sentence_bounds(rec.text, ctx.doc, paras) if ctx.english else regex_sentences(rec.text, paras)
    rec.sentences = [span(rec.text, s, e) for s, e in bounds]
    if ctx.english and len(rec.text) > 200 and not _SENTENCE_END.search(rec.text):
        rec.warn("W203", "no sentence-ending punctuation: sentence boundaries are the parser's guesses")


def sentence_index(sentences: list[Span], offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the one before it)."""
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid]["start"] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
