"""Incremental story assignment over a store: new articles join stories or start new ones.

:func:`assign` takes the stored articles that have no story yet, in date order,
and for each one

1. builds its TF-IDF vector (:mod:`.features`; the batch's terms are added to
   the document frequencies first, so a first run over a corpus weights every
   article with that corpus's IDF),
2. compares it with the stories in its time window only (:mod:`.cluster`),
3. joins the best story at or above ``threshold``, or starts a story,
4. signs its long paragraphs and links it to stored articles that share
   near-duplicate paragraphs (wire copy, :mod:`.minhash`).

With ``multilingual=True`` (the ``multilingual`` extra), step 1 is the
article's multilingual embedding instead (:mod:`.multilingual`): articles on
one event in different languages join one story.  Otherwise stories stay per
language, and the summary says so.  Wire copies are near-duplicate paragraphs,
which only ever match within a language.

Nothing already assigned is touched again, so running it after each ingest
costs time in proportion to the new articles and the stories near their
dates, not to the corpus.  Default thresholds and ``window``: see
:mod:`.cluster` (chosen by the sweeps in ``bench/stories.py``).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import store as tables
from .cluster import THRESHOLD_DATED, THRESHOLD_UNDATED, UNDATED_CANDIDATES, WINDOW_DAYS, best_story, threshold_for, window_days
from .features import Features, features, vector

BATCH = 200
MIN_SHARED = 2  # paragraphs two articles must share to count as the same wire copy...
MIN_SHARE = 0.5  # ...or this share of the shorter article's long paragraphs


@dataclass
class Assigner:
    """Assigns records of one store, keeping parsed story centroids between articles."""

    store: Any
    threshold: float | None = None
    window: int = WINDOW_DAYS
    undated_candidates: int = UNDATED_CANDIDATES
    wire: bool = True
    multilingual: bool = False
    docs: int = 0
    cache: Any = None
    counts: dict[str, int] = field(default_factory=lambda: {"assigned": 0, "new_stories": 0,
                                                            "joined": 0, "wire_links": 0})

    def __post_init__(self) -> None:
        self.cache = tables.StoryCache(self.store)
        self.docs = tables.doc_count(self.store)

    def prepare(self, records: Sequence[Any]) -> list[Features]:
        """Features of a batch; their terms are counted into the document frequencies
        (and, multilingual, their embeddings computed in one go)."""
        feats = [features(r) for r in records]
        self.docs = tables.add_df(self.store, (f.counts for f in feats))
        if self.multilingual:
            from .multilingual import embed, passage

            for feat, vec in zip(feats, embed([passage(r) for r in records])):
                feat.embedding = vec  # type: ignore[attr-defined]
        return feats

    def place(self, record: Any, feat: Features) -> dict[str, Any] | None:
        """Assign one prepared record; its story id and similarity (None if already done)."""
        if self.multilingual:
            from .multilingual import THRESHOLD

            vec = feat.embedding  # type: ignore[attr-defined]
            needed = self.threshold if self.threshold is not None else THRESHOLD
        else:
            vec = vector(feat, tables.df_of(self.store, feat.counts), self.docs)
            needed = threshold_for(feat.published, self.threshold)
        days = window_days(feat.published, self.window)
        candidates = self.cache.candidates(days, self.undated_candidates)
        story, score = best_story(vec, candidates, needed)
        central = score if story is not None else 0.0
        saved = tables.save_assignment(self.store, feat, story, vec, score if story else 1.0,
                                       central)
        if saved is None:
            return None
        self.cache.stories[saved.id] = saved
        self.counts["assigned"] += 1
        self.counts["joined" if story is not None else "new_stories"] += 1
        if self.wire:
            self.counts["wire_links"] += link_wire(self.store, record)
        return {"article_id": feat.id, "story_id": saved.id, "similarity": round(score, 4),
                "new": story is None}


def link_wire(store: Any, record: Any) -> int:
    """Sign a record's paragraphs and link it to stored near-duplicates; links made."""
    from .minhash import paragraphs

    paras = paragraphs(record)
    if not paras:
        return 0
    found = tables.near_paragraphs(store, paras)
    tables.save_paragraphs(store, paras)
    per_other: dict[str, dict[int, float]] = {}
    for own, other, _, sim in found:
        best = per_other.setdefault(other, {})
        best[own] = max(best.get(own, 0.0), sim)
    links = {}
    for other, matched in per_other.items():
        total = tables.paragraph_count(store, other)
        shorter = max(1, min(len(paras), total))
        if len(matched) >= MIN_SHARED or len(matched) / shorter >= MIN_SHARE:
            links[other] = (len(matched), sum(matched.values()) / len(matched))
    tables.save_wire(store, record.id, links)
    return len(links)


def assign(store: Any, *, threshold: float | None = None, window: int = WINDOW_DAYS,
           since: str | None = None, until: str | None = None, wire: bool = True,
           batch: int = BATCH, on_progress: Callable[[int, int], None] | None = None,
           multilingual: bool = False) -> dict[str, Any]:
    """Give every stored article without a story one; returns counts and seconds.

    ``threshold`` (cosine similarity needed to join a story) defaults to
    ``THRESHOLD_DATED`` for dated articles and ``THRESHOLD_UNDATED`` for undated
    ones (see :mod:`.cluster`).  ``since``/``until`` (ISO dates) limit which
    unassigned articles are taken.
    ``on_progress(done, total)`` is called after each article.
    ``multilingual`` groups by multilingual embeddings, across languages (needs the
    ``multilingual`` extra; raises ImportError naming it otherwise); the summary's
    ``languages`` says which way articles were grouped.
    """
    from .multilingual import available

    if multilingual and not available():
        raise ImportError("grouping across languages needs the multilingual extra: "
                          "pip install 'unspun[multilingual]'")
    t0 = time.monotonic()
    ids = tables.unassigned(store, since, until)
    worker = Assigner(store, threshold=threshold, window=window, wire=wire,
                      multilingual=multilingual)
    done = 0
    for i in range(0, len(ids), batch):
        records = list(store.records(ids[i:i + batch]))
        for record, feat in zip(records, worker.prepare(records)):
            worker.place(record, feat)
            done += 1
            if on_progress:
                on_progress(done, len(ids))
    languages = ("across languages (multilingual embeddings)" if multilingual else
                 "per language (install unspun[multilingual] and pass multilingual=True, or "
                 "`unspun stories --multilingual`, to group across languages)")
    return {**worker.counts, "pending": len(ids), "seconds": round(time.monotonic() - t0, 3),
            "languages": languages,
            "threshold": threshold if threshold is not None else
            {"dated": THRESHOLD_DATED, "undated": THRESHOLD_UNDATED}, "window_days": window}
