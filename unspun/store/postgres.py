"""The PostgreSQL backend (psycopg 3): the same tables, full-text search with tsvector.

``postgresql://user@host:5432/dbname?schema=NAME`` keeps unspun's tables in
schema ``NAME`` (created when missing); without it they go in the user's
default schema.  Migrations run under an advisory lock, so two processes
opening a fresh database at once do not race.  Text search uses the
``english`` configuration: ``to_tsquery`` built from the same parsed query as
SQLite's, ranked with ``ts_rank``, snippets from ``ts_headline``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..record import Record
from .base import StoreError
from .query import Filters, tsquery
from .schema import BOOKKEEPING
from .sql import SQLStore, article_hit, quote_hit

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
RANK_LIMIT = 10_000  # matches beyond which hits come newest first, unranked
_HEADLINE = "StartSel=**, StopSel=**, MaxWords=35, MinWords=15, MaxFragments=2"


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError.make("U505", detail="psycopg is not installed: "
                              "pip install 'unspun[postgres]'") from None
    return psycopg


def split_url(url: str) -> tuple[str, str | None]:
    """The connection URL without unspun's own ``schema`` parameter, and that schema."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    if schema is not None and not _IDENT.match(schema):
        raise StoreError.make("U505", detail=f"schema {schema!r} is not a plain SQL name")
    return urlunsplit(parts._replace(query=rest)), schema


def _safe(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database (``readonly=True`` uses read-only transactions)."""

    dialect = "postgres"
    rank_limit = RANK_LIMIT
    newest = "a.published DESC NULLS LAST, a.n DESC"  # index articles_newest (0004)

    def __init__(self, url: str, readonly: bool = False, schema: str | None = None,
                 connect_timeout: int = 10):
        self.psycopg = _import_psycopg()
        conninfo, url_schema = split_url(url)
        self.schema = schema or url_schema
        if self.schema is not None and not _IDENT.match(self.schema):
            raise StoreError.make("U505", detail=f"schema {self.schema!r} is not a plain SQL name")
        self.url = _safe(url)
        self.readonly = readonly
        self._converted: dict[str, str] = {}
        try:
            self.conn = self.psycopg.connect(conninfo, autocommit=True,
                                             connect_timeout=connect_timeout)
        except self.psycopg.Error as exc:
            raise StoreError.make("U505", detail=f"{self.url}: {str(exc).strip()}") from None
        try:
            self._setup()
        except self.psycopg.Error as exc:
            self.conn.close()
            raise self._classify(exc) from None

    def _setup(self) -> None:
        if self.schema:
            if not self.readonly:
                # CREATE SCHEMA IF NOT EXISTS is no guard against a second process creating
                # the same schema at the same moment (a unique-key error on pg_namespace):
                # the creation runs under an advisory lock on the schema's name
                with self._tx() as cur:
                    cur.execute("SELECT pg_advisory_xact_lock(hashtext('unspun-schema:' || %s))",
                                (self.schema,))
                    cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            self.conn.execute(f'SET search_path TO "{self.schema}"')
        if self.readonly:
            self.conn.execute("SET default_transaction_read_only = on")
            found = self.conn.execute("SELECT to_regclass('migrations')").fetchone()[0]
            if found is None:
                raise StoreError.make("U507", self.url)
            return
        with self._tx() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext('unspun:' || current_schema()))")
            for statement in BOOKKEEPING[self.dialect].split(";"):
                if statement.strip():
                    cur.execute(statement)
            self._migrate(cur)

    def _classify(self, exc: Exception) -> StoreError:
        errors = self.psycopg.errors
        text = str(exc).strip()
        if isinstance(exc, (errors.ReadOnlySqlTransaction, errors.InsufficientPrivilege)):
            return StoreError.make("U502", self.url, detail=text)
        if isinstance(exc, (errors.SyntaxError, errors.InvalidTextRepresentation)):
            return StoreError.make("U504", self.url, detail=text)
        return StoreError.make("U509", self.url, detail=text)

    # -- hooks -----------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        out = self._converted.get(sql)
        if out is None:
            out = self._converted[sql] = sql.replace("%", "%%").replace("?", "%s")
        return out

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        if self.readonly:
            raise StoreError.make("U502", self.url, detail="opened read-only")
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                yield cur
        except self.psycopg.Error as exc:
            raise self._classify(exc) from None

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            with self.conn.cursor() as cur:
                cur.execute(self._sql(sql), params)
                return cur.fetchall()
        except self.psycopg.Error as exc:
            raise self._classify(exc) from None

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        try:
            with self.conn.transaction(), self.conn.cursor(name="unspun_stream") as cur:
                cur.execute(self._sql(sql), params)
                while rows := cur.fetchmany(2000):
                    yield from rows
        except self.psycopg.Error as exc:
            raise self._classify(exc) from None

    def add(self, records: Any, replace: bool = False) -> Any:
        """As :meth:`SQLStore.add`; NUL characters (which PostgreSQL cannot store) become U+FFFD."""
        return super().add((_without_nul(r) for r in records), replace=replace)

    def _bulk(self, cur: Any, table: str, cols: Sequence[str], rows: list[tuple]) -> None:
        """COPY is several times faster than row-by-row INSERT for the child tables."""
        with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _index(self, cur: Any, added: list[tuple[int, Record]], first_quote: int) -> None:
        """Nothing to do: ``tsv`` columns are generated by PostgreSQL."""

    def _unindex(self, cur: Any, n: int) -> None:
        """Nothing to do: deleting the rows removes them from the GIN indexes."""

    def _dense(self, table: str, tsq: str) -> bool:
        """More than RANK_LIMIT matches: ranking them all is slow, so go newest first."""
        rows = self._fetch(f"SELECT count(*) FROM (SELECT 1 FROM {table} "
                           "WHERE tsv @@ to_tsquery('english', ?) LIMIT ?) m",
                           (tsq, self.rank_limit + 1))
        return rows[0][0] > self.rank_limit

    def _ranked(self, query: str, f: Filters) -> list[dict[str, Any]]:
        tsq = tsquery(query)
        where = f.sql(unary_plus=False)
        page = [f.limit, f.offset]
        if f.kind == "quote":
            dense = self._dense("quotes", tsq)
            order = f"{self.newest}, q.n" if dense else "6 DESC, q.n"
            rows = self._fetch(
                "SELECT q.n, a.id, a.published, a.source, a.title, "
                f"{'NULL::real' if dense else 'ts_rank(q.tsv, tq)'}, q.qid, "
                "q.speaker, q.kind, q.content FROM quotes q "
                "JOIN articles a ON a.id = q.article_id, to_tsquery('english', ?) tq "
                f"WHERE q.tsv @@ tq AND {where} ORDER BY {order} LIMIT ? OFFSET ?",
                [tsq, *f.args(), *page])
            return [quote_hit(r[1:5], r[5], r[6:], self._headline(
                "content FROM quotes", tsq, r[0], "HighlightAll=true, StartSel=**, StopSel=**"))
                for r in rows]
        dense = self._dense("records", tsq)
        rows = self._fetch(
            "SELECT a.n, a.id, a.published, a.source, a.title, "
            f"{'NULL::real' if dense else 'ts_rank(r.tsv, tq)'} "
            "FROM records r JOIN articles a ON a.n = r.n, to_tsquery('english', ?) tq "
            f"WHERE r.tsv @@ tq AND {where} "
            f"ORDER BY {self.newest if dense else '6 DESC, a.n'} LIMIT ? OFFSET ?",
            [tsq, *f.args(), *page])
        return [article_hit(r[1:5], r[5], self._headline("text FROM records", tsq, r[0],
                                                          _HEADLINE)) for r in rows]

    def _headline(self, source: str, tsq: str, n: int, options: str) -> str:
        column, table = source.split(" FROM ")
        rows = self._fetch(f"SELECT ts_headline('english', {column}, to_tsquery('english', ?), "
                           f"?) FROM {table} WHERE n = ?", (tsq, options, n))
        return " ".join((rows[0][0] or "").split()) if rows else ""

    def close(self) -> None:
        try:
            self.conn.close()
        except self.psycopg.Error:
            pass


def _without_nul(rec: Record) -> Record:
    if "\x00" not in rec.text and "\x00" not in (rec.title or ""):
        return rec
    return Record.from_json(rec.to_json().replace("\\u0000", "\ufffd"))
