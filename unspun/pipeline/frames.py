"""The frames component: how the article is framed, from cue lexicons of the 14 frames.

Each frame has a cue lexicon (``unspun/data/lexicons/frames.json``, written for
this project).  A frame is reported when its cues occur at least
:data:`MIN_HITS` times and at least :data:`RELATIVE` times as often as the
strongest frame's; its score grows with the number of distinct cues, and its
evidence is the first cue occurrences (spans into the text).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from ..lang import get as get_language
from ..record import span
from ..techniques.base import _entry_pattern
from .registry import Context, component

FRAMES: tuple[str, ...] = (
    "Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
    "Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
    "Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation",
)
MIN_HITS = 3
RELATIVE = 0.3
MAX_EVIDENCE = 5


@lru_cache(maxsize=1)
def cue_regexes() -> dict[str, re.Pattern[str]]:
    """One compiled regex per frame."""
    raw = get_language("en").data("lexicons/frames")
    out = {}
    for frame in FRAMES:
        body = "|".join(_entry_pattern(e) for e in sorted(raw[frame], key=len, reverse=True))
        out[frame] = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    return out


def frame_hits(text: str) -> dict[str, list[re.Match[str]]]:
    """Cue matches per frame."""
    return {frame: list(rx.finditer(text)) for frame, rx in cue_regexes().items()}


def detect_frames(text: str) -> list[dict[str, Any]]:
    """Frames of ``text``: ``[{label, score, evidence: [span]}]``, strongest first."""
    hits = frame_hits(text)
    top = max((len(h) for h in hits.values()), default=0)
    words = max(1, len(text.split()))
    out = []
    for frame, found in hits.items():
        if len(found) < MIN_HITS or len(found) < RELATIVE * top:
            continue
        distinct = len({m.group(0).lower() for m in found})
        density = len(found) / words * 100
        score = 1 - math.exp(-(distinct + density) / 4)
        out.append({"label": frame, "score": round(score, 3),
                    "evidence": _first_distinct(text, found)})
    return sorted(out, key=lambda f: -f["score"])


def _first_distinct(text: str, found: list[re.Match[str]]) -> list[dict[str, Any]]:
    """The first occurrence of each distinct cue, up to :data:`MAX_EVIDENCE`."""
    seen: dict[str, re.Match[str]] = {}
    for m in found:
        seen.setdefault(m.group(0).lower(), m)
    return [span(text, m.start(), m.end()) for m in list(seen.values())[:MAX_EVIDENCE]]


@component("frames", assigns=("frames",))
def frames(ctx: Context) -> None:
    ctx.record.frames = detect_frames(ctx.record.text)
