"""The SQLite backend: one file any SQLite tool can open, WAL mode, FTS5 search.

Writers take the write lock for one batch at a time (``BEGIN IMMEDIATE``) and
wait up to ``timeout`` seconds for another writer, so two ingests into one
file serialise; readers never block and never see half a batch.  A file that
is not an unspun database is refused before anything is written to it.
"""
from __future__ import annotations

import os
import stat
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..record import Record
from .base import StoreError
from .query import Choice, Filters, fts5_query
from .schema import BOOKKEEPING
from .sql import SQLStore, article_hit, quote_hit

HEADER = b"SQLite format 3\x00"
MIN_VERSION = (3, 35, 0)  # RETURNING and upsert
BUSY_TIMEOUT = 60.0
RANK_LIMIT = 10_000  # matches beyond which hits come newest first, unscored
DENSE_SHARE = 10  # matching 1 row in 10 or more: test rows one by one, newest first


def _member(column: str, table: str, order: str) -> str:
    """``column`` is a full-text match; the unary + keeps the planner on the date index."""
    fts = f"{table}_fts"
    if order == "exists":
        return f"EXISTS (SELECT 1 FROM {fts} WHERE {fts} MATCH ? AND rowid = {column})"
    return f"+{column} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)"


def _classify(exc: sqlite3.Error, path: str) -> StoreError:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return StoreError.make("U502", path, detail=text)
    if "locked" in text or "busy" in text:
        return StoreError.make("U503", path, seconds=int(BUSY_TIMEOUT))
    if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text
                                                  or "encrypted" in text):
        return StoreError.make("U501", path, detail=text)
    return StoreError.make("U509", path, detail=text)


def _check_file(path: Path, readonly: bool) -> None:
    """Refuse, without touching it, a path that is not a writable (or readable) SQLite file."""
    where = str(path)
    if path.is_dir():
        raise StoreError.make("U501", where, detail="it is a folder")
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):  # /dev/null, a FIFO (would hang), a socket
        raise StoreError.make("U501", where, detail="not a regular file (a device, FIFO or "
                              "socket); give the path of a database file")
    if not path.exists():
        if readonly:
            raise StoreError.make("U507", where)
        if not os.access(path.parent.resolve(), os.W_OK):
            raise StoreError.make("U502", where, detail="cannot create a file in its folder")
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(HEADER))
    except OSError as exc:
        raise StoreError.make("U501", where, detail=exc.strerror or str(exc)) from None
    if head and head != HEADER:
        raise StoreError.make("U501", where, detail="the file is not an SQLite database")
    if not readonly:
        if not path.stat().st_mode & 0o222:  # marked read-only: honoured even for root
            raise StoreError.make("U502", where, detail="the file is marked read-only")
        if not os.access(path, os.W_OK):
            raise StoreError.make("U502", where, detail="the file is not writable")
        if not os.access(path.parent.resolve(), os.W_OK):
            raise StoreError.make("U502", where, detail="its folder is not writable (SQLite "
                                  "needs to create journal files beside it)")


class SQLiteStore(SQLStore):
    """A store in one SQLite file (``readonly=True`` opens it for reading only)."""

    dialect = "sqlite"
    rank_limit = RANK_LIMIT
    dense_share = DENSE_SHARE
    filter_min = 1000  # child-table filters matching fewer rows always use the id list
    filter_share = 50  # ... and so do those matching under 1 row in 50

    def __init__(self, path: str | os.PathLike, readonly: bool = False,
                 timeout: float = BUSY_TIMEOUT):
        if sqlite3.sqlite_version_info < MIN_VERSION:
            raise StoreError.make("U509", str(path), detail=f"SQLite {sqlite3.sqlite_version} "
                                  "is too old; unspun needs 3.35 or newer")
        self.path = Path(path)
        self.url = str(path)
        self.readonly = readonly
        _check_file(self.path, readonly)
        try:
            if readonly:
                uri = self.path.resolve().as_uri() + "?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=timeout,
                                            isolation_level=None, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                            check_same_thread=False)
            self._setup()
        except sqlite3.Error as exc:
            raise _classify(exc, self.url) from None

    def _setup(self) -> None:
        tables = {r[0] for r in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and "migrations" not in tables:
            self.conn.close()
            raise StoreError.make("U501", self.url, detail="an SQLite database, but not an unspun "
                                  f"one (it has tables {', '.join(sorted(tables)[:5])})")
        self.conn.execute("PRAGMA cache_size = -65536")
        self.conn.execute("PRAGMA temp_store = MEMORY")
        if self.readonly:
            if "migrations" not in tables:
                raise StoreError.make("U501", self.url, detail="the database is empty")
            return
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        with self._tx() as cur:
            for statement in BOOKKEEPING[self.dialect].split(";"):
                if statement.strip():
                    cur.execute(statement)
            self._migrate(cur)

    # -- hooks -----------------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Cursor]:
        if self.readonly:
            raise StoreError.make("U502", self.url, detail="opened read-only")
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _classify(exc, self.url) from None
        try:
            yield cur
            cur.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.rollback()
            if isinstance(exc, sqlite3.Error):
                raise _classify(exc, self.url) from None
            raise

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _classify(exc, self.url) from None

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        try:
            yield from self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise _classify(exc, self.url) from None

    def _index(self, cur: Any, added: list[tuple[int, Record]], first_quote: int) -> None:
        cur.executemany("INSERT INTO records_fts (rowid, title, text) VALUES (?, ?, ?)",
                        [(n, r.title, r.text) for n, r in added])
        cur.execute("INSERT INTO quotes_fts (rowid, content, speaker) "
                    "SELECT n, content, speaker FROM quotes WHERE n > ?", (first_quote,))

    def _unindex(self, cur: Any, n: int) -> None:
        cur.execute("INSERT INTO records_fts (records_fts, rowid, title, text) "
                    "SELECT 'delete', n, title, text FROM records WHERE n = ?", (n,))
        cur.execute("INSERT INTO quotes_fts (quotes_fts, rowid, content, speaker) "
                    "SELECT 'delete', q.n, q.content, q.speaker FROM quotes q "
                    "JOIN articles a ON a.id = q.article_id WHERE a.n = ?", (n,))

    def _where(self, f: Filters) -> str:
        """Filters as SQL; a child-table filter matching many rows is checked per article."""
        # a rare filter drives the query (few ids to look up and sort by date); a common one
        # is tested per article while walking the date index
        return f.sql(unary_plus=False, exists=frozenset(
            i for i, c in enumerate(f.choices) if self._common(c)))

    def _common(self, choice: Choice) -> bool:
        total = self._fetch(f"SELECT max(rowid) FROM {choice.table}")[0][0] or 0
        cap = max(self.filter_min, total // self.filter_share) + 1
        return self._fetch(choice.count_sql(), [*choice.params, cap])[0][0] >= cap

    def _order(self, table: str, match: str, total_sql: str) -> str:
        """How to order hits: ``rank`` (bm25) when there are at most RANK_LIMIT matches;
        otherwise newest first, testing each row (``exists``) when matches are dense, or
        against the list of matches (``list``).  Scoring 100,000 matches would take seconds.
        """
        total = self._fetch(total_sql)[0][0] or 0
        cap = max(self.rank_limit, total // self.dense_share) + 1
        sql = f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?)"
        found = self._fetch(sql, (match, cap))[0][0]
        if found <= self.rank_limit:
            return "rank"
        # testing one row against a prefix query expands the prefix each time: use the list
        return "exists" if found >= cap and '"*' not in match else "list"

    def _ranked(self, query: str, f: Filters) -> list[dict[str, Any]]:
        match = fts5_query(query)
        page = [f.limit, f.offset]
        if f.kind == "quote":
            cols = "q.n, a.id, a.published, a.source, a.title, {score}, q.qid, q.speaker, " \
                   "q.kind, q.content"
            order = self._order("quotes_fts", match, "SELECT max(n) FROM quotes")
            if order == "rank":
                rows = self._fetch(
                    f"SELECT {cols.format(score='-bm25(quotes_fts)')} FROM quotes_fts "
                    "JOIN quotes q ON q.n = quotes_fts.rowid JOIN articles a ON a.id = "
                    f"q.article_id WHERE quotes_fts MATCH ? AND {self._where(f)} "
                    "ORDER BY bm25(quotes_fts) LIMIT ? OFFSET ?", [match, *f.args(), *page])
            else:
                rows = self._fetch(
                    # CROSS JOIN: walk articles newest first, then their quotes (SQLite
                    # keeps this join order; driving by quotes would scan them all)
                    f"SELECT {cols.format(score='NULL')} FROM articles a "
                    f"CROSS JOIN quotes q ON q.article_id = a.id "
                    f"WHERE {self._where(f)} AND {_member('q.n', 'quotes', order)} "
                    "ORDER BY a.published DESC, a.n DESC, q.n LIMIT ? OFFSET ?",
                    [*f.args(), match, *page])
            return [quote_hit(r[1:5], r[5], r[6:], self._snip("quotes_fts", 0, match, r[0]))
                    for r in rows]
        order = self._order("records_fts", match, "SELECT max(n) FROM articles")
        if order == "rank":
            rows = self._fetch(
                "SELECT a.n, a.id, a.published, a.source, a.title, "
                "-bm25(records_fts, 4.0, 1.0) FROM records_fts "
                "JOIN articles a ON a.n = records_fts.rowid "
                f"WHERE records_fts MATCH ? AND {self._where(f)} ORDER BY bm25(records_fts, 4.0, 1.0) "
                "LIMIT ? OFFSET ?", [match, *f.args(), *page])
        else:
            rows = self._fetch(
                "SELECT a.n, a.id, a.published, a.source, a.title, NULL FROM articles a "
                # the filters first: SQLite tests conditions in the order written, and
                # the full-text test is the costly one
                f"WHERE {self._where(f)} AND {_member('a.n', 'records', order)} "
                "ORDER BY a.published DESC, a.n DESC LIMIT ? OFFSET ?", [*f.args(), match, *page])
        return [article_hit(r[1:5], r[5], self._snip("records_fts", 1, match, r[0]))
                for r in rows]

    def _snip(self, table: str, column: int, match: str, n: int) -> str:
        func = ("highlight({t}, {c}, '**', '**')" if table == "quotes_fts"
                else "snippet({t}, {c}, '**', '**', ' … ', 32)").format(t=table, c=column)
        rows = self._fetch(f"SELECT {func} FROM {table} WHERE {table} MATCH ? AND rowid = ?",
                           (match, n))
        return " ".join((rows[0][0] or "").split()) if rows else ""

    # -- SQLite extras ---------------------------------------------------------------
    def integrity_check(self) -> str:
        """``"ok"`` when SQLite finds the file intact, else its first complaint."""
        return self._fetch("PRAGMA integrity_check")[0][0]

    def close(self) -> None:
        try:
            if not self.readonly:  # refresh the planner's statistics where they are stale
                self.conn.execute("PRAGMA optimize")
            self.conn.close()
        except sqlite3.Error:
            pass
