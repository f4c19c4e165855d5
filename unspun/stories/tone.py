"""Tone: VADER sentiment (Hutto and Gilbert 2014) of sentences, by voice.

VADER is a rule-based lexicon of sentiment intensity tuned on social media and
news headlines.  It measures the wording's polarity, not a stance: negative
tone in coverage of an attack is what the event itself brings.  Compare
outlets covering the same story, never stories with each other.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..voices import AUTHOR, voice_at


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    return SentimentIntensityAnalyzer()


def sentence_tones(record: Any) -> list[tuple[str, float, dict[str, Any]]]:
    """``(voice, compound score -1..1, sentence span)`` for each sentence of a record.

    Empty when vaderSentiment is not installed."""
    vader = _analyzer()
    if vader is None:
        return []
    spans = record.sentences or [{"start": 0, "end": len(record.text), "text": record.text}]
    out = []
    for s in spans:
        voice = voice_at(record, s["start"], s["end"])
        score = vader.polarity_scores(s["text"])["compound"]
        out.append(("author" if voice == AUTHOR else "quoted", score, s))
    return out


def available() -> bool:
    return _analyzer() is not None
