"""Corpus-wide aggregates for charts and facets, composed from the store's public methods.

The store answers per-outlet and per-month statistics (``stats``); charts
also need the two crossed (articles, techniques by voice and frames per
outlet per month) and the facet values.  These are computed once from
``store.rows(...)`` and cached until the number of stored articles changes.
"""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from typing import Any

from ..actors.store import SpeakerNamer

from ..store import Store

TOP = 10


def _per_k(n: float, words: float) -> float:
    return round(1000.0 * n / words, 2) if words else 0.0


def summarise(store: Store) -> dict[str, Any]:
    """Months, outlets and their crossed counts, and the facet values, from the flat tables."""
    art: dict[str, tuple[str, str]] = {}
    words: Counter = Counter()
    articles: Counter = Counter()
    for row in store.rows("articles"):
        source = row["source"] or "(unknown)"
        month = row["month"] or (row["published"] or "")[:7] or "(undated)"
        art[row["id"]] = (source, month)
        articles[(source, month)] += 1
        words[(source, month)] += int(row["words"] or 0)
    tech: Counter = Counter()
    tech_labels: Counter = Counter()
    tech_by_source: Counter = Counter()
    for row in store.rows("techniques"):
        where = art.get(row["article_id"])
        if where is None:
            continue
        voice = "author" if row["voice"] == "author" else "quoted"
        tech[(*where, voice)] += 1
        tech_labels[row["label"]] += 1
        tech_by_source[(where[0], row["label"], voice)] += 1
    frames: Counter = Counter()
    frames_month: Counter = Counter()
    frame_labels: Counter = Counter()
    for row in store.rows("frames"):
        where = art.get(row["article_id"])
        if where is None:
            continue
        frames[(where[0], row["label"])] += 1
        frames_month[(where[1], row["label"])] += 1
        frame_labels[row["label"]] += 1
    speakers: dict[str, Counter] = defaultdict(Counter)
    all_speakers: Counter = Counter()
    namer = SpeakerNamer(store)  # actors: one name per person; pronouns and groups left out
    quotes = [(row["article_id"], row["speaker_entity"], row["speaker"],
               row["speaker"] if row["speaker_entity"] else None)
              for row in store.rows("quotes") if row["article_id"] in art and row["speaker"]]
    namer.prepare(quotes)
    for quote in quotes:
        all_speakers[quote[2]] += 1  # the search facet matches stored names
        name = namer.name(*quote, groups=False)
        if name is not None:
            speakers[art[quote[0]][0]][name] += 1
    sources = sorted({s for s, _ in articles})
    months = sorted({m for _, m in articles})
    return {
        "count": len(art), "sources": sources, "months": months,
        "articles": articles, "words": words, "tech": tech, "tech_by_source": tech_by_source,
        "frames": frames, "frames_month": frames_month, "speakers": speakers,
        "facets": {"source": sources, "technique": [k for k, _ in tech_labels.most_common()],
                   "frame": [k for k, _ in frame_labels.most_common()],
                   "speaker": [k for k, _ in all_speakers.most_common(200)]},
    }


class CorpusCache:
    """``summarise`` cached per stored-article count (cheap to check, changes on ingest)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: int | None = None
        self._value: dict[str, Any] | None = None

    def get(self, store: Store) -> dict[str, Any]:
        key = store.count()
        with self._lock:
            if self._key != key or self._value is None:
                self._value = summarise(store)
                self._key = key
            return self._value


def outlet_series(s: dict[str, Any], sources: list[str]) -> dict[str, Any]:
    """Per outlet and month: articles, and techniques per 1,000 words by voice."""
    out: dict[str, Any] = {"months": s["months"], "outlets": {}}
    for src in sources:
        rows = {"articles": [], "author_per_1k": [], "quoted_per_1k": []}
        for m in s["months"]:
            w = s["words"].get((src, m), 0)
            rows["articles"].append(s["articles"].get((src, m), 0))
            rows["author_per_1k"].append(_per_k(s["tech"].get((src, m, "author"), 0), w))
            rows["quoted_per_1k"].append(_per_k(s["tech"].get((src, m, "quoted"), 0), w))
        out["outlets"][src] = rows
    return out


def outlet_profile(s: dict[str, Any], source: str) -> dict[str, Any]:
    """One outlet's totals: techniques per 1,000 words by label and voice, frames, speakers."""
    words = sum(w for (src, _), w in s["words"].items() if src == source)
    labels = sorted({lab for (src, lab, _), _ in s["tech_by_source"].items() if src == source})
    techniques = [{"label": lab,
                   "author_per_1k": _per_k(s["tech_by_source"].get((source, lab, "author"), 0),
                                           words),
                   "quoted_per_1k": _per_k(s["tech_by_source"].get((source, lab, "quoted"), 0),
                                           words)} for lab in labels]
    techniques.sort(key=lambda t: -(t["author_per_1k"] + t["quoted_per_1k"]))
    frames = Counter({lab: n for (src, lab), n in s["frames"].items() if src == source})
    return {"source": source,
            "articles": sum(n for (src, _), n in s["articles"].items() if src == source),
            "words": words, "techniques": techniques,
            "frames": [{"label": k, "articles": n} for k, n in frames.most_common(TOP)],
            "top_speakers": [{"speaker": k, "quotes": n}
                             for k, n in s["speakers"].get(source, Counter()).most_common(TOP)]}


def timeline(s: dict[str, Any], source: str | None = None) -> dict[str, Any]:
    """Techniques per 1,000 words by voice, and frame counts, per month (one outlet or all)."""
    months = s["months"]
    srcs = [source] if source else s["sources"]
    words = [sum(s["words"].get((src, m), 0) for src in srcs) for m in months]
    series: dict[str, list[float]] = {}
    for voice in ("author", "quoted"):
        series[f"{voice}_per_1k"] = [
            _per_k(sum(s["tech"].get((src, m, voice), 0) for src in srcs), w)
            for m, w in zip(months, words)]
    frames: dict[str, list[int]] = {}
    if source is None:
        index = {m: i for i, m in enumerate(months)}
        for (month, label), n in s["frames_month"].items():
            frames.setdefault(label, [0] * len(months))[index[month]] = n
    return {"months": months, "words": words, "techniques": series, "frames": frames,
            "source": source}
