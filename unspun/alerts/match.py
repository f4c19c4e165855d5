"""Does a just-stored article match an alert? Checked in the transaction that stored it.

The alert's filters become SQL through the same :class:`~unspun.store.query.Filters` that
`unspun search` uses, narrowed to the one article (``a.id = ?``, child tables tested per
article with EXISTS); the query goes through the full-text index (FTS5 / tsquery) for that
one row. A story alert (``min_outlets``) matches when the article's story has articles
from at least that many outlets; it is recorded once per story, the first time.
"""
from __future__ import annotations

import json
from typing import Any

from ..record import Record
from ..store.query import Filters, fts5_query, tsquery
from ..watch.db import stamp


def article_matches(tx: Any, dialect: str, alert: dict[str, Any], article_id: str) -> bool:
    f = Filters.parse(kind="article", **alert["filters"])
    parts = [f.sql(unary_plus=False, exists=frozenset(range(len(f.choices))))]
    params: list[Any] = [article_id, *f.args()]
    if alert["query"]:
        if dialect == "sqlite":
            parts.append("EXISTS (SELECT 1 FROM records_fts WHERE records_fts MATCH ? "
                         "AND records_fts.rowid = a.n)")
            params.append(fts5_query(alert["query"]))
        else:
            parts.append("EXISTS (SELECT 1 FROM records r WHERE r.n = a.n "
                         "AND r.tsv @@ to_tsquery('english', ?))")
            params.append(tsquery(alert["query"]))
    sql = f"SELECT 1 FROM articles a WHERE a.id = ? AND {' AND '.join(parts)}"
    return tx.one(sql, params) is not None


def _story(tx: Any, article_id: str) -> dict[str, Any] | None:
    row = tx.one("SELECT s.id, s.title, s.articles, s.first_published FROM story_articles sa "
                 "JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?", (article_id,))
    if row is None:
        return None
    outlets = [r[0] for r in tx.query("SELECT DISTINCT source FROM story_articles WHERE "
                                      "story_id = ? ORDER BY source", (row[0],))]
    return {"id": row[0], "title": row[1], "articles": row[2], "first_published": row[3],
            "outlets": outlets}


def record_matches(tx: Any, dialect: str, alerts: list[dict[str, Any]], record: Record,
                   origin: dict[str, Any] | None = None) -> int:
    """Record every alert ``record`` matches (each match once); returns matches recorded."""
    recorded = 0
    story: dict[str, Any] | None = None
    looked = False
    for alert in alerts:
        if (alert["query"] or alert["filters"]) and not article_matches(
                tx, dialect, alert, record.id):
            continue
        if not looked:
            story = _story(tx, record.id)
            looked = True
        if alert["min_outlets"]:
            if story is None or len(story["outlets"]) < alert["min_outlets"]:
                continue
            key = f"story:{story['id']}"
        else:
            key = f"article:{record.id}"
        payload = {"alert": alert["name"], "alert_id": alert["id"],
                   "kind": "story" if alert["min_outlets"] else "article", "matched_at": stamp(),
                   "article": {"id": record.id, "title": record.title, "source": record.source,
                               "published": record.published, "url": record.url},
                   "story": story}
        if origin and origin.get("feed_url"):
            payload["article"]["feed"] = origin["feed_url"]
        before = tx.one("SELECT 1 FROM alert_matches WHERE alert_id = ? AND match_key = ?",
                        (alert["id"], key))
        if before:
            continue
        tx.execute("INSERT INTO alert_matches (alert_id, match_key, article_id, story_id, "
                   "payload, matched_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                   (alert["id"], key, record.id, story["id"] if story else None,
                    json.dumps(payload, ensure_ascii=False), payload["matched_at"]))
        recorded += 1
    return recorded
