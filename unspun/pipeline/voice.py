"""Whose voice each stretch of each sentence is in: the author's, or a quote's.

Component ``voice`` fills ``record.voice`` with segments
``{start, end, text, voice}`` that together cover every sentence (whitespace
at segment edges trimmed): ``voice`` is ``"author"`` or the id of the quote
whose content holds the text; segments never cross a sentence boundary.
Non-English records (no quotes) are all the author's.  A quote split by its attribution counts only
its quoted parts, so ``he said`` between them stays the author's.  Where
quotes nest (an indirect quote inside a longer one) the innermost wins.
"""
from __future__ import annotations

from typing import Any

from ..record import span
from ..voices import AUTHOR
from .registry import Context, component


def quote_ranges(quotes: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """(start, end, quote id) of the text each quote speaks, longest first."""
    out = []
    for q in quotes:
        for part in q.get("parts") or [q["content"]]:
            out.append((part["start"], part["end"], q["id"]))
    return sorted(out, key=lambda r: r[0] - r[1])


def segments(text: str, sentences: list[dict[str, Any]], quotes: list[dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """Voice segments covering ``sentences`` (see the module docstring)."""
    ranges = quote_ranges(quotes)
    out: list[dict[str, Any]] = []
    for sent in sentences:
        s, e = sent["start"], sent["end"]
        owner = [AUTHOR] * (e - s)
        for qs, qe, qid in ranges:  # longest first, so inner quotes overwrite outer ones
            lo, hi = max(s, qs), min(e, qe)
            if lo < hi:
                owner[lo - s:hi - s] = [qid] * (hi - lo)
        start = s
        for i in range(s + 1, e + 1):
            if i == e or owner[i - s] != owner[start - s]:
                _emit(out, text, start, i, owner[start - s])
                start = i
    return out


def _emit(out: list[dict[str, Any]], text: str, start: int, end: int, voice: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append({**span(text, start, end), "voice": voice})


@component("voice", requires=("quotes",), assigns=("voice",), english_only=False)
def voice(ctx: Context) -> None:
    rec = ctx.record
    rec.voice = segments(rec.text, rec.sentences, rec.quotes)
