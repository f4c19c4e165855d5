"""The alert tables, a named migration set of its own (feature ``alerts``).

- ``alerts``: a saved search (``query`` in the search syntax, ``filters`` as JSON with
  the search filters' names, ``min_outlets`` for "a story told by at least N outlets")
  and where its matches go (``target_kind`` file, command or webhook; ``target``).
- ``alert_matches``: each match once (``UNIQUE (alert_id, match_key)``, the key being
  ``article:ID`` or ``story:ID``), recorded in the transaction that stored the article;
  ``delivered_at`` is set once delivered, ``attempts`` and ``error`` until then.
"""
from __future__ import annotations

from ..store.migrations import register_migrations, statements

_TABLES = """
CREATE TABLE alerts (id {pk}, name TEXT NOT NULL UNIQUE, query TEXT, filters TEXT NOT NULL,
  min_outlets INTEGER, target_kind TEXT NOT NULL, target TEXT NOT NULL, allow_private TEXT
  NOT NULL DEFAULT '', paused INTEGER NOT NULL DEFAULT 0, created_at TEXT);
CREATE TABLE alert_matches (id {pk}, alert_id BIGINT NOT NULL, match_key TEXT NOT NULL,
  article_id TEXT, story_id BIGINT, payload TEXT NOT NULL, matched_at TEXT, delivered_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0, error TEXT, UNIQUE (alert_id, match_key));
CREATE INDEX alert_matches_pending ON alert_matches (delivered_at, alert_id)
"""


def migrations(dialect: str, types: dict[str, str]) -> list[tuple[str, list[str]]]:
    """``(name, statements)`` of the alert migrations for ``dialect``."""
    return [("alerts_0001_tables", statements(_TABLES, types))]


register_migrations("alerts", migrations)
