"""Actors in a store: linking, the user's edits, lookups and speaker rankings.

Uses only the store's public SQL (``store.query`` / ``store.transaction``), so
it runs on SQLite and PostgreSQL alike; the tables are the ``actors``
migration set (:mod:`.schema`).

:func:`relink` derives the actors from every ``entities`` row (pure
:func:`.linking.link`), applies the recorded edits (:mod:`.edits`) and
rewrites ``actors`` and ``actor_entities`` in one transaction.  Ingest calls
it after adding articles; readers call :func:`ensure_linked`, which relinks
only when articles were added or removed since (and leaves a read-only store
as it is).  The whole corpus is read each time: seconds for thousands of
articles; it is not incremental.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from . import schema  # noqa: F401  (registers the migration set)
from .edits import Edit, apply_edits
from .linking import Actor, Variant, link
from .speakers import speaker_of

__all__ = ["relink", "ensure_linked", "record_edit", "undo", "history", "find", "actor_row",
           "variants", "speaker_ranking", "actor_of_entities"]

PAGE = 500


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _state(store: Any) -> str:
    row = store.query("SELECT count(*), coalesce(max(n), 0) FROM articles")[0]
    edits = store.query("SELECT count(*), coalesce(sum(undone), 0) FROM actor_edits")[0]
    return f"{row[0]}:{row[1]}:{edits[0]}:{edits[1]}"


def edits(store: Any) -> list[Edit]:
    rows = store.query("SELECT n, op, target, sources, name, at, undone FROM actor_edits ORDER BY n")
    return [Edit(op, target, json.loads(sources or "[]"), name or "", n, at or "", bool(undone))
            for n, op, target, sources, name, at, undone in rows]


def derive(store: Any) -> tuple[dict[str, Actor], dict[tuple[str, str], str]]:
    """The actors of the stored corpus with the user's edits applied (nothing written)."""
    rows = store.query("SELECT article_id, eid, type, name FROM entities "
                       "WHERE type IN ('PERSON', 'ORG') AND name IS NOT NULL")
    actors, of = link(Variant(a, e, t, n) for a, e, t, n in rows)
    apply_edits(actors, of, edits(store))
    return actors, of


def relink(store: Any) -> int:
    """Link every stored entity to its actor again; returns the number of actors."""
    actors, of = derive(store)
    state = _state(store)
    with store.transaction() as tx:
        tx.execute("DELETE FROM actor_entities")
        tx.execute("DELETE FROM actors")
        rows = []
        for a in actors.values():
            rows.append((a.id, a.key, a.name, a.type, len(a.variants),
                         len({v.article for v in a.variants})))
        tx.executemany("INSERT INTO actors (id, key, name, type, entities, articles) "
                       "VALUES (?, ?, ?, ?, ?, ?)", rows)
        tx.executemany("INSERT INTO actor_entities (article_id, eid, actor_id) VALUES (?, ?, ?)",
                       [(a, e, aid) for (a, e), aid in sorted(of.items())])
        tx.execute("DELETE FROM actor_meta WHERE key = 'linked'")
        tx.execute("INSERT INTO actor_meta (key, value) VALUES ('linked', ?)", (state,))
    return len(actors)


def ensure_linked(store: Any) -> bool:
    """Relink when the articles or edits changed since the last linking; False when the
    store cannot be written (its actors stay as they were)."""
    rows = store.query("SELECT value FROM actor_meta WHERE key = 'linked'")
    if rows and rows[0][0] == _state(store):
        return True
    try:
        relink(store)
    except Exception as exc:  # noqa: BLE001 - a read-only store keeps the actors it has
        if getattr(exc, "code", "") == "U502":
            return False
        raise
    return True


def record_edit(store: Any, edit: Edit) -> int:
    """Record a merge or split, relink, and return the edit's number."""
    with store.transaction() as tx:
        tx.execute("INSERT INTO actor_edits (op, target, sources, name, at, undone) "
                   "VALUES (?, ?, ?, ?, ?, 0)",
                   (edit.op, edit.target, json.dumps(edit.sources), edit.name, _now()))
        n = tx.one("SELECT max(n) FROM actor_edits")[0]
    relink(store)
    return int(n)


def undo(store: Any) -> Edit | None:
    """Undo the latest edit not yet undone (it stays in the history); None if none."""
    live = [e for e in edits(store) if not e.undone]
    if not live:
        return None
    last = live[-1]
    with store.transaction() as tx:
        tx.execute("UPDATE actor_edits SET undone = 1 WHERE n = ?", (last.n,))
    relink(store)
    last.undone = True
    return last


def history(store: Any) -> list[Edit]:
    return edits(store)


def actor_row(store: Any, actor_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT id, key, name, type, entities, articles FROM actors WHERE id = ?",
                       (actor_id,))
    if not rows:
        return None
    aid, key, name, type_, ents, arts = rows[0]
    return {"id": aid, "key": key, "name": name, "type": type_, "entities": ents, "articles": arts}


def find(store: Any, text: str) -> list[dict[str, Any]]:
    """Actors whose id is ``text``, or whose name or a variant's name is ``text`` (any case)."""
    found = actor_row(store, text)
    if found:
        return [found]
    folded = " ".join(text.casefold().split())
    ids = [r[0] for r in store.query("SELECT id FROM actors WHERE lower(name) = ?", (folded,))]
    if not ids:
        ids = [r[0] for r in store.query(
            "SELECT DISTINCT ae.actor_id FROM entities e JOIN actor_entities ae "
            "ON ae.article_id = e.article_id AND ae.eid = e.eid WHERE e.name_key = ?", (folded,))]
    return [r for r in (actor_row(store, i) for i in sorted(set(ids))) if r]


def variants(store: Any, actor_id: str) -> list[tuple[str, int]]:
    """The names an actor is written with in the corpus and how many entities use each."""
    rows = store.query("SELECT e.name, count(*) FROM actor_entities ae JOIN entities e "
                       "ON e.article_id = ae.article_id AND e.eid = ae.eid "
                       "WHERE ae.actor_id = ? GROUP BY e.name", (actor_id,))
    return sorted(((n, c) for n, c in rows), key=lambda r: (-r[1], r[0]))


def actor_of_entities(store: Any, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """``(article_id, eid)`` -> ``{"id", "name"}`` of its actor, for the pairs that have one."""
    out: dict[tuple[str, str], dict] = {}
    by_article: dict[str, list[str]] = defaultdict(list)
    for a, e in pairs:
        by_article[a].append(e)
    articles = sorted(by_article)
    for i in range(0, len(articles), PAGE):
        chunk = articles[i:i + PAGE]
        marks = ", ".join("?" * len(chunk))
        for a, e, aid, name in store.query(
                "SELECT ae.article_id, ae.eid, ae.actor_id, x.name FROM actor_entities ae "
                f"JOIN actors x ON x.id = ae.actor_id WHERE ae.article_id IN ({marks})", chunk):
            out[(a, e)] = {"id": aid, "name": name}
    return out


def speaker_ranking(store: Any, limit: int = 50, unresolved: bool = False,
                    article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Speakers by number of quotes: actors, other named speakers, and (only with
    ``unresolved``) the pronouns that stayed unresolved, as ``unresolved (he)``.

    Each row: ``speaker`` (display name), ``actor`` (id or None), ``quotes``,
    ``articles``, ``sources``, ``first``, ``last``, ``variants`` (the names it was
    written with, commonest first).  ``article_ids`` limits it to those articles.
    """
    ensure_linked(store)
    sql = ("SELECT q.article_id, q.speaker, ae.actor_id, x.name, e.name, e.type, a.source, "
           "a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
           "LEFT JOIN entities e ON e.article_id = q.article_id AND e.eid = q.speaker_entity "
           "LEFT JOIN actor_entities ae ON ae.article_id = q.article_id "
           "AND ae.eid = q.speaker_entity LEFT JOIN actors x ON x.id = ae.actor_id "
           "WHERE q.speaker IS NOT NULL")
    params: list[Any] = []
    if article_ids is not None:
        if not article_ids:
            return []
        sql += f" AND q.article_id IN ({', '.join('?' * len(article_ids))})"
        params = list(article_ids)
    rows: dict[str, dict[str, Any]] = {}
    for art, text, aid, aname, ename, etype, source, published in store.query(sql, params):
        sp = speaker_of(text, aid, aname, ename if ename and not aid else None)
        if sp is None or (sp.unresolved and not unresolved):
            continue
        row = rows.setdefault(sp.key, {"speaker": sp.name, "actor": sp.actor, "quotes": 0,
                                       "articles": set(), "sources": set(), "first": None,
                                       "last": None, "variants": Counter(),
                                       "unresolved": sp.unresolved})
        row["quotes"] += 1
        row["articles"].add(art)
        if source:
            row["sources"].add(source)
        if published:
            row["first"] = min(filter(None, [row["first"], published]))
            row["last"] = max(filter(None, [row["last"], published]))
        row["variants"][ename or text] += 1
    out = sorted(rows.values(), key=lambda r: (-r["quotes"], r["speaker"]))[:limit]
    for r in out:
        r["articles"], r["sources"] = len(r["articles"]), len(r["sources"])
        r["variants"] = [n for n, _ in r["variants"].most_common()]
    return out
