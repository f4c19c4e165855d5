"""Whose voice a span of the text is in: the author's, or a quote's (by quote id).

``record.voice`` is a list of segments ``{"start", "end", "text", "voice"}``
covering the article's sentences, where ``voice`` is ``"author"`` or the id of
the quote (``"Q1"``...) the text belongs to.  Records without voice data
(the quotes component not run) read as all author.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

AUTHOR = "author"


def voice_at(record: Any, start: int, end: int | None = None) -> str:
    """The voice of the segment that holds ``start`` (or most of ``start:end``)."""
    segments = record.voice if hasattr(record, "voice") else record.get("voice", [])
    if not segments:
        return AUTHOR
    end = start + 1 if end is None or end <= start else end
    best, best_overlap = AUTHOR, 0
    i = max(0, bisect_right(segments, start, key=_start) - 1)
    for k in range(i, len(segments)):  # not segments[i:], a copy of the rest of the list
        seg = segments[k]
        if seg["start"] >= end:
            break
        overlap = min(end, seg["end"]) - max(start, seg["start"])
        if overlap > best_overlap:
            best, best_overlap = seg["voice"], overlap
    return best


def _start(segment: dict) -> int:
    return segment["start"]
