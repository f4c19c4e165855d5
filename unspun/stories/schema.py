"""The story tables: the ``stories`` migration set.

Importing this module registers the set with
:func:`unspun.store.migrations.register_migrations` (the store imports every
``unspun.<package>.schema`` module before opening a database), so it is
applied after the core set, once, in order, inside the store's migration
transaction, and recorded in its ``migrations`` table, on SQLite and
PostgreSQL alike.

Tables:

- ``stories``: one row per story (title, first/last dated article, counts,
  ``centroid`` = JSON ``{term: weight}`` of the summed article vectors, ``seq``
  = when it last changed, used to find recently active stories).
- ``story_articles``: which story each article belongs to (one row per
  article; the article's published date, source and similarity on joining).
  The story title is that of its most central article so far (``title_score``).
- ``story_days``: each day a story has an article on; the time window lookup
  reads only the days in the window, so it never scans the whole corpus.
- ``story_terms``: document frequency of every term (for the IDF weights),
  with the number of documents in the ``story_meta`` row ``docs``.
- ``story_paragraphs``: MinHash signature of each long paragraph (near-duplicate
  detection), and ``story_lsh``: its band keys, indexed for lookup.
- ``story_wire``: pairs of articles that share near-duplicate paragraphs.
"""
from __future__ import annotations

from ..store.migrations import register_migrations, statements

_TABLES = """
CREATE TABLE stories (id {pk}, title TEXT, title_score {real}, first_published TEXT, last_published TEXT,
  articles INTEGER NOT NULL DEFAULT 0, sources INTEGER NOT NULL DEFAULT 0,
  centroid TEXT NOT NULL, seq BIGINT NOT NULL DEFAULT 0, updated_at TEXT);
CREATE TABLE story_articles (article_id TEXT PRIMARY KEY, story_id BIGINT NOT NULL,
  published TEXT, source TEXT, title TEXT, similarity {real}, assigned_at TEXT);
CREATE TABLE story_days (day TEXT NOT NULL, story_id BIGINT NOT NULL,
  PRIMARY KEY (day, story_id));
CREATE TABLE story_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE story_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE story_paragraphs (article_id TEXT NOT NULL, para INTEGER NOT NULL,
  start_char INTEGER, end_char INTEGER, signature TEXT NOT NULL,
  PRIMARY KEY (article_id, para));
CREATE TABLE story_lsh (band TEXT NOT NULL, article_id TEXT NOT NULL, para INTEGER NOT NULL);
CREATE TABLE story_wire (article_a TEXT NOT NULL, article_b TEXT NOT NULL,
  paragraphs INTEGER NOT NULL, similarity {real}, PRIMARY KEY (article_a, article_b));
CREATE INDEX story_articles_story ON story_articles (story_id, published);
CREATE INDEX stories_seq ON stories (seq);
CREATE INDEX stories_undated ON stories (seq) WHERE first_published IS NULL;
CREATE INDEX stories_first ON stories (first_published);
CREATE INDEX story_lsh_band ON story_lsh (band);
CREATE INDEX story_wire_b ON story_wire (article_b)
"""


# the stories pages of `unspun serve`: newest or most outlets first, and by outlet, read in
# index order instead of sorting every story (bench/story_page.py: 100,000 articles)
_LIST_INDEXES = {
    "sqlite": ["CREATE INDEX stories_last ON stories (last_published DESC, seq DESC)",
               "CREATE INDEX stories_biggest ON stories (sources DESC, articles DESC, "
               "last_published DESC)"],
    "postgres": ["CREATE INDEX stories_last ON stories (last_published DESC NULLS LAST, "
                 "seq DESC)",
                 "CREATE INDEX stories_biggest ON stories (sources DESC, articles DESC, "
                 "last_published DESC NULLS LAST)"],
}


def migrations(dialect: str, types: dict[str, str]) -> list[tuple[str, list[str]]]:
    """``(name, statements)`` of the story migrations for ``dialect``."""
    return [("stories_0001_tables", statements(_TABLES, types)),
            ("stories_0002_list_indexes", _LIST_INDEXES[dialect] + [
                "CREATE INDEX story_articles_source ON story_articles (source, story_id)"])]


register_migrations("stories", migrations)
