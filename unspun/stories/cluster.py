"""Online clustering: each article joins the most similar story in its time window, or
starts a new one.

A story keeps a centroid: the sum of its articles' unit vectors, trimmed to its
``CENTROID_TERMS`` heaviest terms.  An article's similarity to a story is the
cosine between its vector and the centroid.  It joins the best story when that
similarity reaches the threshold (one for dated articles, a lower one for
undated ones, both chosen on data: see below and ``bench/stories.py``),
otherwise it starts a story of its own.  Nothing is ever recomputed: adding an
article touches one story.

Candidates (the time window).  A dated article is compared with the stories
that have an article within ``window_days`` days of its date, plus the recently
active stories that have no dated article at all.  An undated article (many web
pages carry no date) has no window: it is compared with the ``UNDATED_CANDIDATES``
most recently active stories.  Either way the work per article is bounded by
the stories in the window, never by the size of the corpus.

:class:`Clusterer` is the in-memory form (used by tests and the benchmark
sweeps); :mod:`unspun.stories.assignment` runs the same steps against the store.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from .features import Vector, dot

# Thresholds, chosen on data by bench/stories.py:
# - undated articles: best B-cubed F1 on the tune half of WikiRef220 (undated web pages whose
#   gold groups are broad topics, so this threshold groups by topic);
# - dated articles: on PolNeAR (924 dated articles, 7 publishers), the smallest threshold of
#   the sweep at which no story spans more than three weeks (lower ones chain a whole primary
#   campaign into one "story" of hundreds of articles; see the bench output).
THRESHOLD_UNDATED = 0.06
THRESHOLD_DATED = 0.20
MAX_SPAN_DAYS = 21  # the rule the dated threshold was chosen by
WINDOW_DAYS = 3
CENTROID_TERMS = 400
UNDATED_CANDIDATES = 1000


@dataclass
class Story:
    """A story's state for clustering."""

    id: int
    centroid: dict[str, float] = field(default_factory=dict)
    size: int = 0
    first: str | None = None
    last: str | None = None
    seq: int = 0
    norm: float = 0.0

    def similarity(self, vec: Vector) -> float:
        """Cosine between a unit vector and the centroid."""
        return dot(vec, self.centroid) / self.norm if self.norm else 0.0

    def add(self, vec: Vector, published: str | None) -> None:
        """Add an article's vector and date (the centroid stays trimmed)."""
        cen = self.centroid
        for term, w in vec.items():
            cen[term] = cen.get(term, 0.0) + w
        if len(cen) > CENTROID_TERMS:
            self.centroid = dict(sorted(cen.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
        self.norm = math.sqrt(sum(w * w for w in self.centroid.values()))
        self.size += 1
        if published:
            day = published[:10]
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)


def threshold_for(published: str | None, threshold: float | None = None) -> float:
    """``threshold`` when given, else the default for a dated or an undated article."""
    if threshold is not None:
        return threshold
    return THRESHOLD_DATED if published else THRESHOLD_UNDATED


def best_story(vec: Vector, candidates: Iterable[Story], threshold: float
               ) -> tuple[Story | None, float]:
    """The most similar candidate at or above ``threshold`` (None if none) and its score."""
    best, score = None, 0.0
    for story in candidates:
        sim = story.similarity(vec)
        if sim > score or (sim == score and best is not None and story.id < best.id):
            best, score = story, sim
    return (best, score) if best is not None and score >= threshold else (None, score)


def window_days(published: str | None, days: int) -> list[str] | None:
    """The ISO days within ``days`` of ``published`` (None when undated or unparseable)."""
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return [(day + dt.timedelta(days=d)).isoformat() for d in range(-days, days + 1)]


class Clusterer:
    """Online clustering in memory, with the same rules as the store-backed assignment."""

    def __init__(self, threshold: float | None = None, window: int = WINDOW_DAYS,
                 undated_candidates: int = UNDATED_CANDIDATES):
        self.threshold = threshold
        self.window = window
        self.undated_candidates = undated_candidates
        self.stories: list[Story] = []
        self.by_day: dict[str, set[int]] = {}
        self.seq = 0

    def candidates(self, published: str | None) -> list[Story]:
        recent = sorted(self.stories, key=lambda s: -s.seq)
        days = window_days(published, self.window)
        if days is None:
            return recent[:self.undated_candidates]
        ids = set().union(*(self.by_day.get(d, set()) for d in days))
        undated = [s for s in recent if s.first is None][:self.undated_candidates]
        return [self.stories[i] for i in sorted(ids)] + undated

    def add(self, vec: Vector, published: str | None) -> tuple[int, float]:
        """Place one article; returns its story index and similarity (1.0 for a new story)."""
        story, score = best_story(vec, self.candidates(published),
                                  threshold_for(published, self.threshold))
        if story is None:
            story, score = Story(id=len(self.stories)), 1.0
            self.stories.append(story)
        self.seq += 1
        story.seq = self.seq
        story.add(vec, published)
        days = window_days(published, 0)
        if days:
            self.by_day.setdefault(days[0], set()).add(story.id)
        return story.id, score
