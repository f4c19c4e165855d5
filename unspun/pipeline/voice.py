"""Whose voice each stretch of each sentence is in: the author's, or a quote's.

Component ``voice`` fills ``record.voice`` with segments
``{start, end, text, voice}`` that together cover every sentence (whitespace
at segment edges trimmed): ``voice`` is ``"author"`` or the id of the quote
whose content holds the text; segments never cross a sentence boundary.
A quote with a null speaker (a quoted sentence with no evidence of who said it) is still a quote's
voice, not the author's; a record without quotes (its language has no quote data) is all the
author's.  A quote split by its attribution counts only
its quoted parts, so ``he said`` between them stays the author's.  Where
quotes nest (an indirect quote inside a longer one) the innermost wins.
"""
from __future__ import annotations

import heapq
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
    # rank: longest first, as sorted (the innermost, highest rank, owns a piece)
    by_start = sorted((qs, qe, rank, qid) for rank, (qs, qe, qid) in enumerate(ranges))
    nxt = 0  # next range (by start) not yet considered
    active: list[tuple[int, int, int, str]] = []  # ranges starting before the sentence's end
    out: list[dict[str, Any]] = []
    for sent in sentences:
        s, e = sent["start"], sent["end"]
        while nxt < len(by_start) and by_start[nxt][0] < e:
            active.append(by_start[nxt])
            nxt += 1
        active = [r for r in active if r[1] > s]
        inside = [(max(s, qs), min(e, qe), rank, qid) for qs, qe, rank, qid in active if qs < e]
        if not inside:
            _emit(out, text, s, e, AUTHOR)
            continue
        for lo, hi, owner in _pieces(s, e, inside):
            _emit(out, text, lo, hi, owner)
    return out


def _pieces(s: int, e: int, inside: list[tuple[int, int, int, str]]) -> list[list[Any]]:
    """``[lo, hi, owner]`` runs of one sentence: the shortest (innermost) quote covering a
    piece owns it, the author where none does; a sweep with a heap of the open quotes."""
    cuts = sorted({s, e} | {x for lo, hi, _, _ in inside for x in (lo, hi)})
    starting = sorted(inside)
    heap: list[tuple[int, int, str]] = []  # (-rank, end, quote id): innermost on top
    k = 0
    pieces: list[list[Any]] = []
    for lo, hi in zip(cuts, cuts[1:]):
        while k < len(starting) and starting[k][0] <= lo:
            heapq.heappush(heap, (-starting[k][2], starting[k][1], starting[k][3]))
            k += 1
        while heap and heap[0][1] < hi:
            heapq.heappop(heap)  # ended before this piece
        owner = heap[0][2] if heap else AUTHOR
        if pieces and pieces[-1][2] == owner:
            pieces[-1][1] = hi
        else:
            pieces.append([lo, hi, owner])
    return pieces


def _emit(out: list[dict[str, Any]], text: str, start: int, end: int, voice: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append({**span(text, start, end), "voice": voice})


@component("voice", requires=("sentences", "quotes"), assigns=("voice",), languages=None)
def voice(ctx: Context) -> None:
    rec = ctx.record
    rec.voice = segments(rec.text, rec.sentences, rec.quotes)
