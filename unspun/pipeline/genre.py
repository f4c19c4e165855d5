"""The genre component: reporting or opinion, from how the author's own voice writes.

Signals of opinion, counted in the author's voice only (quoted words are the
sources', not the writer's): first-person pronouns, modal prescriptions
("should", "must", "we need to"), rhetorical questions and exclamations, and
the density of persuasion techniques.  Signals of reporting: attributions
("said", "according to"), quotations, a dateline.  Satire has no reliable
surface cue, so the built-in rules never claim it; a trained model can
(``unspun train genre``).
"""
from __future__ import annotations

import math
import re
from typing import Any

from ..lang import get as get_language
from ..record import Record
from .registry import Context, component

_EN = get_language("en")
_FIRST_PERSON = re.compile(_EN.pattern("first_person"))
_PRESCRIBE = re.compile(_EN.pattern("prescriptive"), re.IGNORECASE)
_ATTRIBUTE = re.compile(_EN.pattern("attribution"), re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”\n]{1,2000}[\"”]")


def author_text(record: Record) -> str:
    """The text in the author's voice: voice segments when present, else outside quotes."""
    if record.voice:
        return " ".join(s["text"] for s in record.voice if s["voice"] == "author")
    return _QUOTED.sub(" ", record.text)


def genre_signals(record: Record) -> dict[str, float]:
    """The counts that decide the genre, per 100 words of the author's voice."""
    own = author_text(record)
    words = max(20, len(own.split()))
    per = 100 / words
    author_techniques = [t for t in record.techniques if t.get("voice", "author") == "author"]
    return {
        "first_person": len(_FIRST_PERSON.findall(own)) * per,
        "prescriptive": len(_PRESCRIBE.findall(own)) * per,
        "questions": own.count("?") * per,
        "exclamations": own.count("!") * per,
        "techniques": len(author_techniques) * per,
        "attribution": len(_ATTRIBUTE.findall(record.text)) * 100 / max(20, len(record.text.split())),
        "quotes": len(record.quotes or _QUOTED.findall(record.text)) * per,
        "dateline": 1.0 if record.dateline else 0.0,
    }


WEIGHTS = {"first_person": 0.9, "prescriptive": 1.2, "questions": 1.5, "exclamations": 1.5,
           "techniques": 0.4, "attribution": -1.6, "quotes": -0.6, "dateline": -1.5}
BIAS = -0.5


def detect_genre(record: Record) -> dict[str, Any]:
    """``{label, score}``: opinion when the opinion signals outweigh the reporting ones."""
    signals = genre_signals(record)
    z = BIAS + sum(WEIGHTS[k] * v for k, v in signals.items())
    p_opinion = 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))  # bounded: odd text gives huge z
    if p_opinion >= 0.5:
        return {"label": "opinion", "score": round(p_opinion, 3)}
    return {"label": "reporting", "score": round(1 - p_opinion, 3)}


@component("genre", requires=("dateline", "quotes", "voice", "techniques"), assigns=("genre",))
def genre(ctx: Context) -> None:
    ctx.record.genre = detect_genre(ctx.record)
