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
        inside = [(max(s, qs), min(e, qe), qid) for qs, qe, qid in ranges if qs < e and s < qe]
        if not inside:
            _emit(out, text, s, e, AUTHOR)
            continue
        cuts = sorted({s, e} | {x for lo, hi, _ in inside for x in (lo, hi)})
        pieces = []
        for lo, hi in zip(cuts, cuts[1:]):
            # the shortest (innermost) quote covering this piece owns it
            owner = next((qid for qs, qe, qid in reversed(inside) if qs <= lo and hi <= qe), AUTHOR)
            if pieces and pieces[-1][2] == owner:
                pieces[-1][1] = hi
            else:
                pieces.append([lo, hi, owner])
        for lo, hi, owner in pieces:
            _emit(out, text, lo, hi, owner)
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
