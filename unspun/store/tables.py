"""The flat tables and their columns: the one list every part of unspun reads.

A user reading the database with sqlite3, datasette, pandas or DuckDB sees
these names; ``unspun export`` writes one file per table with these columns;
:mod:`unspun.dataframes` builds its frames from them; :mod:`unspun.store.rows`
fills them from a record.  ``TABLES`` (the export order) and ``CHILD_TABLES``
(one row per item of an article, joined on ``article_id``) are derived from
``COLUMNS``: add a table or column here (and a migration creating it in
:mod:`unspun.store.schema`) and every list follows.

``articles.ext`` holds the record's extension namespace (``record.ext``: what
plug-in components wrote) as JSON text, empty when there is none.
"""
from __future__ import annotations

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "published", "month", "source", "title", "url", "language", "words",
                 "chars", "quotes", "techniques", "genre", "genre_score", "input", "added_at",
                 "ext"),
    "entities": ("article_id", "eid", "name", "name_key", "type", "mentions"),
    "mentions": ("article_id", "eid", "start_char", "end_char", "text"),
    "quotes": ("article_id", "qid", "kind", "speaker_entity", "speaker", "speaker_key",
               "cue", "content", "start_char", "end_char"),
    "techniques": ("article_id", "label", "start_char", "end_char", "text", "voice", "score",
                   "evidence"),
    "frames": ("article_id", "label", "score"),
    "agencies": ("article_id", "name", "kind", "role", "start_char", "end_char", "text"),
    "errors": ("input", "code", "message", "at"),
}

TABLES: tuple[str, ...] = tuple(COLUMNS)
CHILD_TABLES: tuple[str, ...] = tuple(t for t, cols in COLUMNS.items()
                                      if cols[0] == "article_id")
JSON_COLUMNS = frozenset({"ext"})  # JSON text in every format (CSV, Parquet: a string)
