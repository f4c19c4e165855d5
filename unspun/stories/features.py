"""Article vectors for grouping: TF-IDF of the text, entities and dateline weighted up.

An article becomes a sparse vector ``{term: weight}``:

- words of the title and body (title words count ``TITLE_WEIGHT`` times),
  sublinear term frequency (1 + log tf), times IDF;
- each named entity (people, organisations, places, events, products, groups)
  as one term ``e:<name>``, weighted ``ENTITY_WEIGHT`` times its word weight:
  two articles about "Michelle Obama" share the entity even when their words differ;
- the dateline place as ``d:<place>``, weighted ``DATELINE_WEIGHT``.

A non-English article's terms are keyed by its language (``ru|слово``), so that
without multilingual embeddings (:mod:`.multilingual`) it only meets articles
in its own language; English terms are unchanged.

IDF is ``log((N + 1) / (df + 1)) + 1`` with ``N`` and ``df`` counted over the
articles seen so far (kept in the store's ``story_terms`` table and updated
incrementally; a batch's counts are added before its articles are assigned).
Vectors keep their ``MAX_TERMS`` heaviest terms and have unit length.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .text import terms

TITLE_WEIGHT = 2
ENTITY_WEIGHT = 3.0  # exploratory runs on all of WikiRef220: 1.5 and 3.0 within 0.01 F1
DATELINE_WEIGHT = 1.0
MAX_TERMS = 200
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT",
                          "WORK_OF_ART", "LAW"})

Vector = dict[str, float]


@dataclass
class Features:
    """What grouping needs from a record: its id, date, outlet, title and raw term counts."""

    id: str
    published: str | None
    source: str | None
    title: str | None
    counts: Counter
    boost: dict[str, float]  # per-term multiplier (entities, dateline)


def _entity_key(name: str) -> str:
    return "e:" + " ".join(name.lower().split())


def features(record: Any, entity_weight: float = ENTITY_WEIGHT,
             dateline_weight: float = DATELINE_WEIGHT) -> Features:
    """The term counts of a record (title, text, entities, dateline place)."""
    counts: Counter = Counter(terms(record.text))
    for term in terms(record.title or ""):
        counts[term] += TITLE_WEIGHT
    boost: dict[str, float] = {}
    for ent in record.entities or []:
        if ent.get("type") in ENTITY_TYPES and ent.get("name"):
            key = _entity_key(ent["name"])
            counts[key] += max(1, len(ent.get("mentions") or ()))
            boost[key] = entity_weight
    place = ((record.dateline or {}).get("place") or {}).get("text")
    if place and dateline_weight > 0:
        key = "d:" + " ".join(place.split(",")[0].lower().split())
        counts[key] += 1
        boost[key] = dateline_weight
    lang = getattr(record, "language", None)
    if lang and lang != "en":
        counts = Counter({f"{lang}|{t}": n for t, n in counts.items()})
        boost = {f"{lang}|{t}": w for t, w in boost.items()}
    return Features(record.id, record.published, record.source, record.title, counts, boost)


def idf(df: int, docs: int) -> float:
    """Smoothed inverse document frequency."""
    return math.log((docs + 1) / (df + 1)) + 1.0


def vector(feat: Features, df: Callable[[str], int] | Mapping[str, int], docs: int,
           max_terms: int = MAX_TERMS) -> Vector:
    """The unit-length TF-IDF vector of ``feat`` given document frequencies."""
    get = df.get if isinstance(df, Mapping) else df
    weights = {}
    for term, tf in feat.counts.items():
        w = (1.0 + math.log(tf)) * idf(get(term) or 0, docs) * feat.boost.get(term, 1.0)
        if w > 0:
            weights[term] = w
    if len(weights) > max_terms:
        weights = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:max_terms])
    return normalise(weights)


def normalise(vec: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
