"""The actor tables: the ``actors`` migration set.

Importing this module registers the set (the store imports every
``unspun.<package>.schema`` module before it opens a database).

Tables:

- ``actors``: one row per actor: ``id`` (stable, from its key or the split that
  made it), ``key``, display ``name``, ``type`` (PERSON or ORG), counts of
  its entity rows and articles.
- ``actor_entities``: which actor each article's entity (``article_id``,
  ``eid`` as in ``entities``) belongs to.
- ``actor_edits``: the user's merges and splits, in order (``op``, ``target``,
  ``sources`` as JSON, ``name``, ``at``, ``undone``); kept across re-ingest
  and re-applied every time the actors are linked again.
- ``actor_meta``: bookkeeping (``linked`` = the articles' count and top row
  number when the actors were last linked; ``groups`` = the version of the group
  rules the ``actor_groups`` rows were judged by).
- ``actor_groups``: which speaker phrases are groups (:mod:`.groups`), judged when
  the actors are linked so that readers never tag: one row per article (``n``, the
  article's row number), ``phrase`` (the speaker's entity name or text, spaces
  collapsed) and ``etype`` (its entity's type, '' for none), with ``grp`` 1 for a
  group and 0 for none, and ``sig``, a hash of the article's names when judged (a
  replaced article whose names differ is judged again).
"""
from __future__ import annotations

from ..store.migrations import register_migrations, statements

_TABLES = """
CREATE TABLE actors (id TEXT PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL,
  type TEXT NOT NULL, entities INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE actor_entities (article_id TEXT NOT NULL, eid TEXT NOT NULL, actor_id TEXT NOT NULL,
  PRIMARY KEY (article_id, eid));
CREATE TABLE actor_edits (n {pk}, op TEXT NOT NULL, target TEXT NOT NULL, sources TEXT,
  name TEXT, at TEXT, undone INTEGER NOT NULL DEFAULT 0);
CREATE TABLE actor_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX actor_entities_actor ON actor_entities (actor_id, article_id);
CREATE INDEX actors_name ON actors (name)
"""
_GROUPS = """
CREATE TABLE actor_groups (n INTEGER NOT NULL, phrase TEXT NOT NULL, etype TEXT NOT NULL,
  sig TEXT NOT NULL, grp INTEGER NOT NULL, PRIMARY KEY (n, phrase, etype))
"""


def migrations(dialect: str, types: dict[str, str]) -> list[tuple[str, list[str]]]:
    """``(name, statements)`` of the actor migrations for ``dialect``."""
    return [("actors_0001_tables", statements(_TABLES, types)),
            ("actors_0002_groups", statements(_GROUPS, types))]


register_migrations("actors", migrations)
