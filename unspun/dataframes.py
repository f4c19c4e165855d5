"""Flat tables as pandas DataFrames, for notebooks: ``store.frame(table, **filters)``.

>>> store.frame("quotes", source="AP", since="2023-09")      # a stored corpus
>>> unspun.frame(records, "techniques")                        # records not stored

The rows are those of :meth:`Store.rows` (the tables ``unspun export``
writes: the columns of :mod:`unspun.store.rows`), and every row of an article's
table also carries the article's ``source`` and ``published`` date, so a
groupby needs no join.  Columns are typed: dates are ``datetime64`` (day
resolution; an unparsable date is ``NaT``), labels, voices, outlets and other
short vocabularies are ``category``, offsets and counts integers.  Rows come in
the articles' stored order.  Extra columns: ``articles`` repeats ``id`` as
``article_id``; ``techniques`` has ``voice_kind`` (``author`` or ``quoted``;
``voice`` holds the quote id); ``stories`` (one row per article of a story) has
``story_id``, ``story_title``, ``article_id``, ``title`` and ``similarity``.

Filters are those of ``unspun search`` (``source``, ``since``, ``until``,
``speaker``, ``entity``, ``technique``, ``voice``, ``frame``), parsed and
turned into SQL by the store's own :class:`~unspun.store.query.Filters`: they
select articles exactly as a search does.  A filter on the table asked for
also narrows its rows: ``frame("techniques", technique="doubt", voice="author")``
gives the author's ``doubt`` rows, ``frame("quotes", speaker="Mukan")`` the
quotes by speakers named like Mukan, ``frame("frames", frame="economic")`` the
economic frame rows, ``frame("entities", entity="Baku")`` those entities.

pandas is the ``notebook`` extra (``pip install 'unspun[notebook]'``); without
it these functions raise :class:`~unspun.errors.UnspunError` U520.
"""
from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Problem, UnspunError
from .extras import notebook_module
from .record import Record
from .store.tables import COLUMNS, TABLES
from .store.rows import article_row, child_rows

if TYPE_CHECKING:
    import pandas as pd

    from .store.base import Store

FRAME_TABLES = (*TABLES, "stories")
STORY_COLUMNS = ("story_id", "story_title", "article_id", "title", "similarity")
ARTICLE_COLUMNS = ("source", "published")  # added to every row of an article's table
CATEGORIES = {"source", "label", "voice", "voice_kind", "kind", "type", "genre", "language",
              "role", "code", "name"}
INTEGERS = {"n", "words", "chars", "quotes", "techniques", "mentions", "start_char", "end_char",
            "story_id"}
FLOATS = {"score", "genre_score", "similarity"}
DAYS = {"published"}
MONTHS = {"month"}
TIMES = {"added_at", "at"}


def pandas() -> Any:
    """The pandas module, or U520 naming the extra that provides it."""
    return notebook_module("pandas", "pandas")


def _check_table(table: str) -> None:
    if table not in FRAME_TABLES:
        raise UnspunError(Problem.make("U521", str(table)[:100], table=str(table)[:100],
                                       tables=", ".join(FRAME_TABLES)))


def columns(table: str) -> tuple[str, ...]:
    """The columns of ``frame(table)``, in order."""
    _check_table(table)
    if table == "stories":
        return (*STORY_COLUMNS, *ARTICLE_COLUMNS)
    if table in ("articles", "errors"):
        return (*COLUMNS[table], "article_id") if table == "articles" else COLUMNS[table]
    extra = ("voice_kind",) if table == "techniques" else ()
    return (*COLUMNS[table], *extra, *ARTICLE_COLUMNS)


def typed(rows: Sequence[Sequence[Any]], cols: Sequence[str]) -> "pd.DataFrame":
    """A DataFrame of ``rows`` with the column types described in the module docstring."""
    pd = pandas()
    df = pd.DataFrame.from_records(list(rows), columns=list(cols))
    for col in df.columns:
        s = df[col]
        if col in DAYS:
            df[col] = pd.to_datetime(s.astype("string").str.slice(0, 10), format="%Y-%m-%d",
                                     errors="coerce")
        elif col in MONTHS:
            df[col] = pd.to_datetime(s.astype("string").str.slice(0, 7), format="%Y-%m",
                                     errors="coerce")
        elif col in TIMES:
            df[col] = pd.to_datetime(s, format="ISO8601", utc=True, errors="coerce")
        elif col in CATEGORIES:
            df[col] = s.astype("category")
        elif col in INTEGERS:
            df[col] = s.astype("Int64") if s.isna().any() else s.astype("int64")
        elif col in FLOATS:
            df[col] = s.astype("float64")
    return df


# -- a stored corpus ---------------------------------------------------------------------
def store_frame(store: "Store", table: str, **filters: Any) -> "pd.DataFrame":
    """``table`` of ``store`` as a typed DataFrame, narrowed by search filters."""
    from .store.query import Filters

    _check_table(table)
    pandas()
    if table == "errors":
        if filters:
            raise TypeError("the errors table has no articles to filter: call frame('errors')")
        return typed(store.query(f"SELECT {store.select('errors')} FROM errors "
                                  "ORDER BY n"), COLUMNS["errors"])
    for option in ("kind", "limit", "offset"):
        if option in filters:
            raise TypeError(f"frame() takes the search filters, not {option!r}")
    f = Filters.parse(**filters)
    # a filter on this very table narrows its rows (and so implies the article filter)
    own = [c for c in f.choices if c.table == table]
    f = dataclasses.replace(f, choices=[c for c in f.choices if c.table != table])
    where = [store._where(f)] + [c.cond for c in own]
    args = [*f.args(), *(p for c in own for p in c.params)]
    cond = " AND ".join(where)
    if table == "articles":
        sql = (f"SELECT {store.select('articles', 'a')}, a.id FROM articles a "
               f"WHERE {cond} ORDER BY a.n")
    elif table == "stories":
        sql = ("SELECT c.story_id, s.title, c.article_id, a.title, c.similarity, a.source, "
               "a.published FROM story_articles c JOIN stories s ON s.id = c.story_id "
               f"JOIN articles a ON a.id = c.article_id WHERE {cond} ORDER BY c.story_id, a.n")
    else:
        return _child_frame(store, table, f, own)
    return typed(store.query(sql, args), columns(table))


def _child_frame(store: "Store", table: str, f: Any, own: list[Any]) -> "pd.DataFrame":
    """An article's table: its rows (one sequential read, no join: reading the outlet and
    date with each of 500,000 rows would double the time) and the articles' outlet and date
    attached in pandas, in the articles' stored order."""
    pd = pandas()
    filtered = bool(f.where or f.choices)
    articles = store.query("SELECT a.n, a.id, a.source, a.published FROM articles a "
                            f"WHERE {store._where(f)}", f.args())
    where = [c.cond for c in own]
    args = [p for c in own for p in c.params]
    if filtered:
        where.append(f"c.article_id IN (SELECT a.id FROM articles a WHERE {store._where(f)})")
        args += f.args()
    rows = store.query(f"SELECT {store.select(table, 'c')} FROM {table} c "
                        f"WHERE {' AND '.join(where) or '1 = 1'}", args)
    df = typed(rows, COLUMNS[table])
    meta = typed(articles, ("n", "article_id", *ARTICLE_COLUMNS))
    at = pd.Index(meta["article_id"]).get_indexer(df["article_id"])
    keep = at >= 0  # a row whose article is gone (never, short of a broken store)
    if not keep.all():
        df, at = df[keep].reset_index(drop=True), at[keep]
    for col in ARTICLE_COLUMNS:
        df[col] = meta[col].take(at).reset_index(drop=True)
    order = meta["n"].to_numpy().take(at).argsort(kind="stable")
    return _finish(df.take(order).reset_index(drop=True), table)


def _finish(df: "pd.DataFrame", table: str) -> "pd.DataFrame":
    """Derived columns (``voice_kind``), then the columns in their documented order."""
    if table == "techniques":
        pd = pandas()
        quoted = df["voice"].astype(object).ne("author") & df["voice"].notna()
        df["voice_kind"] = pd.Categorical(quoted.map({True: "quoted", False: "author"}),
                                          categories=["author", "quoted"])
    return df[list(columns(table))]


# -- records not stored ------------------------------------------------------------------
def frame(records: Record | Iterable[Record], table: str, **filters: Any) -> "pd.DataFrame":
    """``table`` (as :meth:`Store.frame` gives it) for records that are not stored.

    Without filters the rows are built in memory, one article after another in
    the order given; with filters the records are stored in a temporary SQLite
    file and the store's own filters apply (records with the same id count once).
    """
    _check_table(table)
    pandas()
    recs = [records] if isinstance(records, Record) else list(records)
    if table in ("errors", "stories"):
        raise UnspunError(Problem.make("U522", table, table=table))
    if filters:
        from .store import open_store

        with tempfile.TemporaryDirectory(prefix="unspun-frame-") as tmp:
            with open_store(Path(tmp) / "frame.db") as store:
                store.add(recs)
                return store_frame(store, table, **filters)
    rows: list[tuple] = []
    for rec in recs:
        if table == "articles":
            rows.append((*article_row(rec), rec.id))
            continue
        rows.extend((*r, rec.source, rec.published) for r in child_rows(rec)[table])
    if table == "articles":
        return typed(rows, columns(table))
    return _finish(typed(rows, (*COLUMNS[table], *ARTICLE_COLUMNS)), table)
