"""The watch's tables, a named migration set of its own (feature ``watch``).

- ``watch_sources``: one row per followed source: its URL and the feed it resolved to
  (a home page's discovered feed), kind (rss, atom, json, sitemap), name, interval,
  paused flag, hosts allowed to be private, the validators of the last 200 answer
  (``etag``, ``last_modified``), ``due_at`` (when it is next fetched), the last fetch
  and its outcome, the error state (``error_code``, ``error``, ``failures`` in a row)
  and counts.
- ``watch_items``: every dedup key seen (``guid:SOURCE:GUID`` and ``url:CANONICAL``),
  the article stored for it, or the error that stopped it and how many tries it had.
  A key is written in the same transaction as its article, so an interrupted round
  (even kill -9) leaves either both or neither.
"""
from __future__ import annotations

from ..store.migrations import register_migrations, statements

_TABLES = """
CREATE TABLE watch_sources (id {pk}, url TEXT NOT NULL UNIQUE, feed_url TEXT NOT NULL,
  kind TEXT, name TEXT, every_seconds INTEGER NOT NULL, paused INTEGER NOT NULL DEFAULT 0,
  allow_private TEXT NOT NULL DEFAULT '', etag TEXT, last_modified TEXT, due_at TEXT NOT NULL,
  last_fetch_at TEXT, last_ok_at TEXT, last_status INTEGER, error_code TEXT, error TEXT,
  failures INTEGER NOT NULL DEFAULT 0, items INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0, added_at TEXT);
CREATE TABLE watch_items (key TEXT PRIMARY KEY, source_id BIGINT NOT NULL, article_id TEXT,
  url TEXT, error_code TEXT, attempts INTEGER NOT NULL DEFAULT 0, seen_at TEXT){norowid};
CREATE INDEX watch_sources_due ON watch_sources (paused, due_at);
CREATE INDEX watch_items_article ON watch_items (article_id)
"""


def migrations(dialect: str, types: dict[str, str]) -> list[tuple[str, list[str]]]:
    """``(name, statements)`` of the watch migrations for ``dialect``."""
    return [("watch_0001_tables", statements(_TABLES, types))]


register_migrations("watch", migrations)
