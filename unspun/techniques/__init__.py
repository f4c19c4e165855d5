"""Built-in persuasion-technique detectors (no training data needed).

:func:`detect` runs every detector over a :class:`~unspun.techniques.base.Source`
and returns merged hits.  Detector families, one module each:

- :mod:`.phrases`: lexicon phrases (loaded words, appeals to nation, values,
  fear, popularity and time, conversation killers, hypocrisy, reputation,
  doubt markers, exaggeration, unnamed experts)
- :mod:`.labels`: name calling (label nouns, delegitimizing modifiers, epithets)
- :mod:`.distancing`: scare quotes and "so-called" (doubt)
- :mod:`.arguments`: sentence patterns (false dilemma, whataboutism, ...)
- :mod:`.repetition`: phrases repeated across the article
- :mod:`.authority`: credentialed speakers cited for a conclusion
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from . import arguments, authority, distancing, labels, phrases, repetition
from .base import TECHNIQUES, Hit, Source

Detector = Callable[[Source], Iterable[Hit]]

DETECTORS: tuple[Detector, ...] = (phrases.DETECTORS + labels.DETECTORS + distancing.DETECTORS
                                   + arguments.DETECTORS + repetition.DETECTORS
                                   + authority.DETECTORS)


def merge(hits: Iterable[Hit]) -> list[Hit]:
    """One hit per overlapping run of the same label: the widest span, the best score."""
    out: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.label, h.start, -h.end)):
        last = out[-1] if out else None
        if last and last.label == hit.label and hit.start < last.end:
            if hit.end > last.end or hit.score > last.score:
                wide = hit if hit.end - hit.start > last.end - last.start else last
                out[-1] = Hit(last.label, last.start, max(last.end, hit.end), wide.evidence,
                              max(last.score, hit.score))
            continue
        out.append(hit)
    return sorted(out, key=lambda h: (h.start, h.end, h.label))


def detect(src: Source, detectors: Iterable[Detector] = DETECTORS) -> list[Hit]:
    """Every technique the built-in detectors find in ``src``, merged and in text order."""
    hits = [h for d in detectors for h in d(src) if 0 <= h.start < h.end <= len(src.text)]
    return merge(hits)


__all__ = ["DETECTORS", "TECHNIQUES", "Hit", "Source", "detect", "merge"]
