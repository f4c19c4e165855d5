"""Paragraphs (by the file's layout, see :mod:`.layout`), front matter and sentences."""
from __future__ import annotations

import bisect
import re

from ..record import Span, span
from .dateline import find_dateline
from .layout import Front, front_matter, paragraph_bounds, paragraph_layout  # noqa: F401
from .registry import Context, component

_SENTENCE_END = re.compile(r"[.!?。！？…]")


def sentence_bounds(text: str, doc: object, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's sentences, cut at paragraph ends so none crosses a paragraph."""
    cuts = sorted({e for _, e in paragraphs})
    out = []
    for sent in doc.sents:  # type: ignore[attr-defined]
        start = sent.start_char
        i = bisect.bisect_right(cuts, start)
        while i < len(cuts) and cuts[i] < sent.end_char:
            out.append(_trim(text, start, cuts[i]))
            start = cuts[i]
            i += 1
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def layout_field(text: str, kind: str, wrap: int | None, front: list[Front],
                 body: int) -> dict:
    """The record's ``layout``: how the file was read, and its front lines as spans."""
    def first(name: str) -> Span | None:
        return next((span(text, f.start, f.end) for f in front if f.kind == name), None)

    return {"kind": kind, "wrap": wrap, "headline": first("headline"), "byline": first("byline"),
            "front": [{"kind": f.kind, "span": span(text, f.start, f.end)} for f in front],
            "body_start": body}


@component("segment", assigns=("paragraphs", "sentences", "layout", "title"), languages=None)
def segment(ctx: Context) -> None:
    rec = ctx.record
    lay = paragraph_layout(rec.text)
    paras = lay.paragraphs
    front, body = front_matter(rec.text, paras, lambda s: find_dateline(rec.text, s) is not None,
                               rec.title)
    body_start = paras[body][0] if body < len(paras) else len(rec.text)
    rec.layout = layout_field(rec.text, lay.kind, lay.wrap, front, body_start)
    headline = rec.layout["headline"]
    if headline and not (rec.title or "").strip():
        rec.title = headline["text"]
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
