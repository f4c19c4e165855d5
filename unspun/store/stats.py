"""Corpus statistics, computed in SQL that both backends run unchanged.

``by=None`` (the whole corpus), ``"source"`` or ``"month"``: one row per group
with articles, words, quotes, distinct speakers, techniques per 1,000 words in
the author's voice and in quoted voices, and the most frequent frames.
``by="speaker"``: quotes, articles, outlets and first/last date per speaker.
``by="technique"``: uses per technique, split by voice, and per 1,000 words.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .base import STATS_BY, StoreError

Fetch = Callable[[str, Sequence[Any]], list[tuple]]
TOP_FRAMES = 3
TOP_ROWS = 1000


def _per_k(count: int | None, words: int | None) -> float:
    return round(1000 * float(count or 0) / float(words), 2) if words else 0.0


def stats(fetch: Fetch, by: str | None = None) -> list[dict[str, Any]]:
    """Statistics rows (dicts with the same keys in every row) grouped by ``by``."""
    if by is not None and by not in STATS_BY:
        raise StoreError.make("U504", "", detail=f"--by must be one of {', '.join(STATS_BY)}")
    if by == "speaker":
        return _speakers(fetch)
    if by == "technique":
        return _techniques(fetch)
    return _groups(fetch, by)


def _groups(fetch: Fetch, by: str | None) -> list[dict[str, Any]]:
    key = {"source": "a.source", "month": "a.month", None: "'all'"}[by]
    group = f" GROUP BY {key}" if by else ""
    label = by or "corpus"
    base = fetch(f"SELECT {key}, COUNT(*), SUM(a.words) FROM articles a{group}", ())
    quotes = {g: (n, s) for g, n, s in fetch(
        f"SELECT {key}, COUNT(*), COUNT(DISTINCT q.speaker_key) FROM quotes q "
        f"JOIN articles a ON a.id = q.article_id{group}", ())}
    techs = {g: (au, qu) for g, au, qu in fetch(
        f"SELECT {key}, SUM(CASE WHEN t.voice = 'author' THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN t.voice = 'author' THEN 0 ELSE 1 END) FROM techniques t "
        f"JOIN articles a ON a.id = t.article_id{group}", ())}
    frames: dict[Any, list[str]] = {}
    by_label = f"{group}, f.label" if by else " GROUP BY f.label"
    for g, lab, n in fetch(f"SELECT {'MIN(' + key + ')' if by else key}, f.label, COUNT(*) "
                           f"FROM frames f JOIN articles a ON a.id = f.article_id{by_label} "
                           f"ORDER BY COUNT(*) DESC, f.label", ()):
        if len(frames.setdefault(g, [])) < TOP_FRAMES:
            frames[g].append(f"{lab} ({n})")
    out = []
    for g, articles, words in sorted(base, key=lambda r: (r[0] is None, str(r[0]))):
        nq, speakers = quotes.get(g, (0, 0))
        author, quoted = techs.get(g, (0, 0))
        out.append({label: g, "articles": articles, "words": int(words or 0), "quotes": nq,
                    "speakers": speakers, "techniques_author": int(author or 0),
                    "techniques_quoted": int(quoted or 0),
                    "author_per_1k_words": _per_k(author, words),
                    "quoted_per_1k_words": _per_k(quoted, words),
                    "top_frames": ", ".join(frames.get(g, []))})
    return out


def _speakers(fetch: Fetch) -> list[dict[str, Any]]:
    rows = fetch("SELECT MIN(q.speaker), COUNT(*), COUNT(DISTINCT q.article_id), "
                 "COUNT(DISTINCT a.source), MIN(a.published), MAX(a.published) FROM quotes q "
                 "JOIN articles a ON a.id = q.article_id WHERE q.speaker_key IS NOT NULL "
                 "GROUP BY q.speaker_key ORDER BY COUNT(*) DESC, MIN(q.speaker) LIMIT ?",
                 (TOP_ROWS,))
    return [{"speaker": s, "quotes": n, "articles": a, "sources": src, "first": f, "last": la}
            for s, n, a, src, f, la in rows]


def _techniques(fetch: Fetch) -> list[dict[str, Any]]:
    words = fetch("SELECT SUM(words) FROM articles", ())[0][0] or 0
    rows = fetch("SELECT label, COUNT(*), SUM(CASE WHEN voice = 'author' THEN 1 ELSE 0 END), "
                 "COUNT(DISTINCT article_id) FROM techniques GROUP BY label "
                 "ORDER BY COUNT(*) DESC, label", ())
    return [{"technique": lab, "uses": n, "author": int(au or 0), "quoted": n - int(au or 0),
             "articles": arts, "per_1k_words": _per_k(n, words)}
            for lab, n, au, arts in rows]
