"""Reading and writing the story tables (see :mod:`unspun.stories.schema`).

Uses the store's public SQL methods (``query`` and ``transaction``, see
:mod:`unspun.store.transaction`), so the same code runs on SQLite and PostgreSQL.  Every lookup made while
assigning one article is an indexed read of a bounded set of rows: the
article's terms in ``story_terms``, the days of its window in ``story_days``,
the stories found there, its paragraphs' bands in ``story_lsh``.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..store.errors import StoreError
from .cluster import Story

PAGE = 500


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _in(n: int) -> str:
    return ", ".join("?" * n)


def _chunks(items: Sequence[Any], size: int = PAGE) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- document frequencies ----------------------------------------------------------------
def doc_count(store: Any) -> int:
    rows = store.query("SELECT value FROM story_meta WHERE key = 'docs'")
    return int(rows[0][0]) if rows else 0


def add_df(store: Any, term_sets: Iterable[Iterable[str]]) -> int:
    """Add documents' terms to the document frequencies; returns the new document count."""
    df: Counter = Counter()
    docs = 0
    for terms in term_sets:
        df.update(set(terms))
        docs += 1
    if not docs:
        return doc_count(store)
    with store.transaction() as cur:
        cur.executemany((
            "INSERT INTO story_terms (term, df) VALUES (?, ?) ON CONFLICT (term) "
            "DO UPDATE SET df = story_terms.df + excluded.df"), sorted(df.items()))
        cur.execute((
            "INSERT INTO story_meta (key, value) VALUES ('docs', ?) ON CONFLICT (key) DO UPDATE "
            "SET value = CAST(CAST(story_meta.value AS INTEGER) + "
            "CAST(excluded.value AS INTEGER) AS TEXT)"), (str(docs),))
    return doc_count(store)


def df_of(store: Any, terms: Iterable[str]) -> dict[str, int]:
    """Document frequencies of the given terms (absent terms are left out)."""
    terms = list(terms)
    out: dict[str, int] = {}
    for chunk in _chunks(terms):
        out.update(store.query(f"SELECT term, df FROM story_terms WHERE term IN "
                                f"({_in(len(chunk))})", chunk))
    return out


# -- stories -------------------------------------------------------------------------
def unassigned(store: Any, since: str | None = None, until: str | None = None) -> list[str]:
    """Ids of stored articles without a story (dated first, by date), optionally by date."""
    where, params = ["s.article_id IS NULL"], []
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until + "\uffff" if len(until) < 10 else until)
    rows = store.query(
        "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
        f"WHERE {' AND '.join(where)} ORDER BY a.published IS NULL, a.published, a.n", params)
    return [r[0] for r in rows]


class StoryCache:
    """Stories read from the store, kept parsed while their article count is unchanged."""

    def __init__(self, store: Any):
        self.store = store
        self.stories: dict[int, Story] = {}

    def candidates(self, days: list[str] | None, undated_limit: int) -> list[Story]:
        """The stories in the window ``days`` (plus recent undated ones), or, without days,
        the ``undated_limit`` most recently active stories."""
        fetch = self.store.query
        if days is None:
            heads = fetch("SELECT id, articles FROM stories ORDER BY seq DESC LIMIT ?",
                          (undated_limit,))
        else:
            heads = fetch(
                "SELECT s.id, s.articles FROM stories s WHERE s.id IN (SELECT story_id FROM "
                f"story_days WHERE day IN ({_in(len(days))}))", days)
            heads += fetch("SELECT id, articles FROM stories WHERE first_published IS NULL "
                           "ORDER BY seq DESC LIMIT ?", (undated_limit,))
        stale = [sid for sid, n in heads
                 if sid not in self.stories or self.stories[sid].size != n]
        for chunk in _chunks(stale):
            for sid, n, first, last, seq, cen in fetch(
                    "SELECT id, articles, first_published, last_published, seq, centroid "
                    f"FROM stories WHERE id IN ({_in(len(chunk))})", list(chunk)):
                story = Story(id=sid, centroid=json.loads(cen), size=n, first=first, last=last,
                              seq=seq)
                story.norm = sum(w * w for w in story.centroid.values()) ** 0.5
                self.stories[sid] = story
        seen: set[int] = set()
        return [self.stories[sid] for sid, _ in heads if not (sid in seen or seen.add(sid))]


class _AlreadyAssigned(Exception):
    pass


def save_assignment(store: Any, feat: Any, story: Story | None, vec: dict[str, float],
                    similarity: float, title_score: float) -> Story | None:
    """Put an article in ``story`` (a new story when None); returns the updated story,
    or None when another process assigned the article first."""
    try:
        with store.transaction() as cur:
            cur.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (feat.id,))
            if cur.fetchone():
                raise _AlreadyAssigned
            cur.execute("SELECT coalesce(max(seq), 0) + 1 FROM stories")
            seq = cur.fetchone()[0]
            if story is None:
                cur.execute(("INSERT INTO stories (title, title_score, centroid, seq, updated_at) "
                              "VALUES (?, ?, '{}', ?, ?) RETURNING id"),
                            (feat.title, -1.0, seq, now()))
                story = Story(id=cur.fetchone()[0])
            cur.execute(("INSERT INTO story_articles (article_id, story_id, published, source, "
                          "title, similarity, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        (feat.id, story.id, feat.published, feat.source, feat.title,
                         round(similarity, 4), now()))
            story.add(vec, feat.published)
            story.seq = seq
            cur.execute("SELECT COUNT(DISTINCT source) FROM story_articles WHERE story_id = ?",
                        (story.id,))
            sources = cur.fetchone()[0]
            cur.execute("SELECT title, title_score FROM stories WHERE id = ?", (story.id,))
            title, score = cur.fetchone()
            if feat.title and (score is None or title_score > score):
                title, score = feat.title, title_score
            cur.execute((
                "UPDATE stories SET articles = ?, sources = ?, first_published = ?, "
                "last_published = ?, centroid = ?, seq = ?, updated_at = ?, title = ?, "
                "title_score = ? WHERE id = ?"),
                (story.size, sources, story.first, story.last,
                 json.dumps({t: round(w, 5) for t, w in story.centroid.items()}), seq, now(),
                 title, score, story.id))
            if feat.published:
                cur.execute(("INSERT INTO story_days (day, story_id) VALUES (?, ?) "
                              "ON CONFLICT DO NOTHING"), (feat.published[:10], story.id))
    except _AlreadyAssigned:
        return None
    return story


# -- near-duplicate paragraphs ------------------------------------------------------
def save_paragraphs(store: Any, paras: Sequence[Any]) -> None:
    from .minhash import to_text

    if not paras:
        return
    with store.transaction() as cur:
        cur.executemany((
            "INSERT INTO story_paragraphs (article_id, para, start_char, end_char, signature) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            [(p.article_id, p.para, p.start, p.end, to_text(p.signature)) for p in paras])
        cur.executemany(("INSERT INTO story_lsh (band, article_id, para) "
                                   "VALUES (?, ?, ?)"),
                        [(b, p.article_id, p.para) for p in paras for b in p.bands()])


def near_paragraphs(store: Any, paras: Sequence[Any]) -> list[tuple[int, str, int, float]]:
    """``(own para, other article, other para, similarity)`` for every near-duplicate
    paragraph already stored for another article."""
    from .minhash import NEAR, from_text, similarity

    found = []
    for p in paras:
        bands = p.bands()
        rows = store.query(
            "SELECT DISTINCT l.article_id, l.para, g.signature FROM story_lsh l "
            "JOIN story_paragraphs g ON g.article_id = l.article_id AND g.para = l.para "
            f"WHERE l.band IN ({_in(len(bands))}) AND l.article_id <> ?", [*bands, p.article_id])
        for other, para, sig in rows:
            sim = similarity(p.signature, from_text(sig))
            if sim >= NEAR:
                found.append((p.para, other, para, sim))
    return found


def save_wire(store: Any, article_id: str, links: dict[str, tuple[int, float]]) -> None:
    rows = [(min(article_id, o), max(article_id, o), n, round(sim, 4))
            for o, (n, sim) in links.items()]
    if not rows:
        return
    with store.transaction() as cur:
        cur.executemany((
            "INSERT INTO story_wire (article_a, article_b, paragraphs, similarity) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (article_a, article_b) DO UPDATE SET "
            "paragraphs = excluded.paragraphs, similarity = excluded.similarity"), rows)


# -- reading -------------------------------------------------------------------------
STORY_COLS = ("id", "title", "first_published", "last_published", "articles", "sources")


def list_stories(store: Any, *, since: str | None = None, until: str | None = None,
                 min_articles: int = 1, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stories (newest activity first) with their outlets; ``since``/``until`` filter on
    the stories' date span (ISO dates); undated stories come last."""
    where, params = ["articles >= ?"], [min_articles]
    if since:
        where.append("last_published >= ?")
        params.append(since[:10])
    if until:
        where.append("first_published <= ?")
        params.append(until[:10])
    rows = store.query(
        f"SELECT {', '.join(STORY_COLS)} FROM stories WHERE {' AND '.join(where)} "
        "ORDER BY last_published IS NULL, last_published DESC, seq DESC LIMIT ? OFFSET ?",
        [*params, limit, offset])
    out = [dict(zip(STORY_COLS, r)) for r in rows]
    outlets = _outlets(store, [s["id"] for s in out])
    for s in out:
        s["outlets"] = outlets.get(s["id"], [])
    return out


def _outlets(store: Any, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for chunk in _chunks(ids):
        for sid, source, n in store.query(
                "SELECT story_id, source, COUNT(*) FROM story_articles WHERE story_id IN "
                f"({_in(len(chunk))}) GROUP BY story_id, source ORDER BY story_id, "
                "COUNT(*) DESC, source", list(chunk)):
            out.setdefault(sid, []).append({"source": source, "articles": n})
    return out


def story(store: Any, story_id: int) -> dict[str, Any]:
    """A story, its articles (oldest first) and its wire-copy groups.

    Raises :class:`StoreError` U701 when there is no such story."""
    try:
        sid = int(story_id)
    except (TypeError, ValueError):
        raise StoreError.make("U701", str(story_id), story=story_id) from None
    rows = store.query(f"SELECT {', '.join(STORY_COLS)} FROM stories WHERE id = ?", (sid,))
    if not rows:
        raise StoreError.make("U701", str(story_id), story=story_id)
    out = dict(zip(STORY_COLS, rows[0]))
    cols = ("article_id", "published", "source", "title", "similarity")
    arts = store.query(f"SELECT {', '.join(cols)} FROM story_articles WHERE story_id = ? "
                        "ORDER BY published IS NULL, published, assigned_at, article_id", (sid,))
    out["outlets"] = _outlets(store, [sid]).get(sid, [])
    out["article_list"] = [dict(zip(cols, r)) for r in arts]
    out["wire"] = wire_groups(store, [r[0] for r in arts])
    return out


def wire_of(store: Any, article_id: str) -> list[dict[str, Any]]:
    """Articles sharing near-duplicate paragraphs with ``article_id`` (most shared first)."""
    rows = store.query(
        "SELECT CASE WHEN w.article_a = ? THEN w.article_b ELSE w.article_a END AS other, "
        "w.paragraphs, w.similarity FROM story_wire w WHERE w.article_a = ? OR w.article_b = ? "
        "ORDER BY w.paragraphs DESC, other", (article_id, article_id, article_id))
    return [{"article_id": o, "paragraphs": n, "similarity": s} for o, n, s in rows]


def wire_groups(store: Any, ids: Sequence[str]) -> list[dict[str, Any]]:
    """Groups of the given articles linked by shared paragraphs, with the agencies they credit."""
    pairs = []
    for chunk in _chunks(list(ids)):
        marks = _in(len(chunk))
        pairs += store.query(
            "SELECT article_a, article_b, paragraphs, similarity FROM story_wire "
            f"WHERE article_a IN ({marks}) OR article_b IN ({marks})", [*chunk, *chunk])
    wanted = set(ids)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links = [(a, b, n, s) for a, b, n, s in pairs if a in wanted and b in wanted]
    for a, b, _, _ in links:
        parent[root(a)] = root(b)
    groups: dict[str, set[str]] = {}
    for a in parent:
        groups.setdefault(root(a), set()).add(a)
    out = []
    for members in groups.values():
        arts = sorted(members)
        agencies = Counter()
        for chunk in _chunks(arts):
            for name, n in store.query(
                    "SELECT name, COUNT(DISTINCT article_id) FROM agencies WHERE kind = 'wire' "
                    f"AND article_id IN ({_in(len(chunk))}) GROUP BY name", list(chunk)):
                agencies[name] += n
        out.append({"articles": arts,
                    "agencies": [{"name": k, "articles": v} for k, v in agencies.most_common()],
                    "links": [{"a": a, "b": b, "paragraphs": n, "similarity": s}
                              for a, b, n, s in links if a in members]})
    return sorted(out, key=lambda g: (-len(g["articles"]), g["articles"]))


def paragraph_count(store: Any, article_id: str) -> int:
    return store.query("SELECT COUNT(*) FROM story_paragraphs WHERE article_id = ?",
                        (article_id,))[0][0]
