"""What both backends share: writing records, reading them back, filters, ``who``.

SQL here is written with ``?`` placeholders; a backend rewrites them for its
driver in :meth:`SQLStore._sql`.  Backends supply the connection, the
transaction, full-text indexing and ranked search.
"""
from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from ..errors import Problem
from ..record import Record
from . import stats as stats_mod
from .base import AddResult, Store, StoreError
from .query import Filters, check_query, like_pattern
from .rows import article_row, child_rows, names_of, now, record_from_row, record_json
from .schema import ADDED_COLUMNS, migrations as all_migrations
from .tables import CHILD_TABLES, COLUMNS, TABLES
from .transaction import Transaction

PAGE = 500
ARTICLE_ROWS = 200  # rows per INSERT: 200 x 16 values stays under every bind limit
SNIPPET_CHARS = 240
# what `who` selects of a mention (entities e, mentions m, articles a, records r): the
# article, the name, the mention's offsets, where its context starts (c0) and the context
MENTION_CONTEXT = ("a.id, a.published, a.source, e.name, m.start_char, m.end_char, "
                   "CASE WHEN m.start_char > 120 THEN m.start_char - 120 ELSE 0 END AS c0, "
                   "substr(r.text, CASE WHEN m.start_char > 120 THEN m.start_char - 119 "
                   "ELSE 1 END, 240 + m.end_char - m.start_char)")


def _insert(table: str, cols: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


class SQLStore(Store):
    dialect = ""
    newest = "a.published DESC, a.n DESC"  # ORDER BY for newest first, undated last

    # -- backend hooks -------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql

    @abstractmethod
    def _tx(self) -> AbstractContextManager[Any]:
        """A write transaction yielding a cursor; commits on success, rolls back on error."""

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]: ...

    @abstractmethod
    def _index(self, cur: Any, added: list[tuple[int, Record]], first_quote: int) -> None:
        """Add newly stored records and quotes (quote n > first_quote) to full-text search."""

    @abstractmethod
    def _unindex(self, cur: Any, n: int) -> None:
        """Remove article ``n`` and its quotes from full-text search (before deleting)."""

    @abstractmethod
    def _ranked(self, query: str, f: Filters) -> list[dict[str, Any]]: ...

    # -- migrations ------------------------------------------------------------------
    def _migrate(self, cur: Any) -> None:
        """Apply the migrations this database lacks (caller holds the write lock)."""
        wanted = all_migrations(self.dialect)
        known = [name for name, _ in wanted]
        cur.execute(self._sql("SELECT name FROM migrations"))
        done = {r[0] for r in cur.fetchall()}
        unknown = done - set(known)
        if unknown:
            raise StoreError.make("U506", self.url, found=len(done), supported=len(known))
        for name, statements in wanted:
            if name in done:
                continue
            for statement in statements:
                cur.execute(statement)
            cur.execute(self._sql("INSERT INTO migrations (name, applied_at) VALUES (?, ?)"),
                        (name, now()))
        cur.execute(self._sql("DELETE FROM meta WHERE key = 'schema_version'"))
        cur.execute(self._sql("INSERT INTO meta (key, value) VALUES ('schema_version', ?)"),
                    (str(len(known)),))

    def migrations(self) -> list[str]:
        return [r[0] for r in self._fetch("SELECT name FROM migrations ORDER BY name")]

    def schema_version(self) -> int:
        rows = self._fetch("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    # -- public SQL (see unspun.store.transaction) ------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Every row of a read query (``?`` placeholders, values bound)."""
        return self._fetch(sql, params)

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One write transaction: commits when the block ends, rolls back if it raises.

        Writes made inside it, by nested ``transaction()`` blocks or by the store's own
        methods (:meth:`add`, :meth:`add_errors`), join it: they commit or roll back
        together (``unspun watch`` stores an article, its story and its dedup keys so).
        """
        with self._write() as cur:
            yield Transaction(cur, self._sql)

    _open: Any = None  # the cursor of the transaction in progress, joined by nested writes

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """The open write transaction's cursor, or a new transaction."""
        if self._open is not None:
            yield self._open
            return
        with self._tx() as cur:
            self._open = cur
            try:
                yield cur
            finally:
                self._open = None

    # -- writing ---------------------------------------------------------------------
    def add(self, records: Iterable[Record], replace: bool = False) -> AddResult:
        """Store records in one transaction; already-stored ids are skipped (or replaced)."""
        result = AddResult()
        batch = sorted(records, key=lambda r: r.id)  # one lock order for concurrent writers
        if not batch:
            return result
        with self._write() as cur:
            if replace:
                self._delete(cur, [r.id for r in batch])
            cur.execute(self._sql("SELECT coalesce(max(n), 0) FROM quotes"))
            first_quote = cur.fetchone()[0]
            numbers: dict[str, int] = {}
            for i in range(0, len(batch), ARTICLE_ROWS):
                numbers.update(self._insert_articles(cur, batch[i:i + ARTICLE_ROWS]))
            added: list[tuple[int, Record]] = []
            for rec in batch:
                n = numbers.pop(rec.id, None)  # pop: a repeated id in one batch is skipped
                if n is None:
                    result.skipped.append(rec.id)
                else:
                    added.append((n, rec))
                    result.added.append(rec.id)
            self._write_children(cur, added)
            self._index(cur, added, first_quote)
        return result

    def _bulk(self, cur: Any, table: str, cols: Sequence[str], rows: list[tuple]) -> None:
        """Insert many rows (PostgreSQL overrides this with COPY)."""
        cur.executemany(self._sql(_insert(table, cols)), rows)

    def _insert_articles(self, cur: Any, recs: list[Record]) -> dict[str, int]:
        """Insert article rows in one statement; ``{id: n}`` for the ones not stored before."""
        cols = COLUMNS["articles"]
        row = "(" + ", ".join("?" * len(cols)) + ")"
        sql = (f"INSERT INTO articles ({', '.join(cols)}) VALUES {', '.join([row] * len(recs))} "
               "ON CONFLICT (id) DO NOTHING RETURNING id, n")
        cur.execute(self._sql(sql), [v for rec in recs for v in article_row(rec)])
        return dict(cur.fetchall())

    def _write_children(self, cur: Any, added: list[tuple[int, Record]]) -> None:
        tables: dict[str, list[tuple]] = {}
        names: set[str] = set()
        for n, rec in added:
            rows = child_rows(rec)
            names |= names_of(rows)
            for table, table_rows in rows.items():
                tables.setdefault(table, []).extend(table_rows)
        self._bulk(cur, "records", ("n", "article_id", "title", "text", "json"),
                   [(n, r.id, r.title, r.text, record_json(r)) for n, r in added])
        for table, table_rows in tables.items():
            if table_rows:
                self._bulk(cur, table, COLUMNS[table], table_rows)
        if names:
            cur.executemany(self._sql("INSERT INTO names (key) VALUES (?) ON CONFLICT DO NOTHING"),
                            [(k,) for k in sorted(names)])
        inputs = [(r.meta or {}).get("input") for _, r in added]
        inputs = [(i,) for i in inputs if i]
        if inputs:  # an input that now succeeded no longer counts as failed
            cur.executemany(self._sql("DELETE FROM errors WHERE input = ?"), inputs)

    def _delete(self, cur: Any, ids: list[str]) -> None:
        for rid in ids:
            cur.execute(self._sql("SELECT n FROM articles WHERE id = ?"), (rid,))
            row = cur.fetchone()
            if row is None:
                continue
            self._unindex(cur, row[0])
            for table in CHILD_TABLES:
                cur.execute(self._sql(f"DELETE FROM {table} WHERE article_id = ?"), (rid,))
            cur.execute(self._sql("DELETE FROM records WHERE n = ?"), (row[0],))
            cur.execute(self._sql("DELETE FROM articles WHERE n = ?"), (row[0],))

    def add_errors(self, problems: Iterable[Problem]) -> int:
        """Record per-input failures; the same input and code is stored once (latest wins)."""
        rows = [(p.origin or "<unknown>", p.code, p.message, now()) for p in problems]
        if not rows:
            return 0
        sql = ("INSERT INTO errors (input, code, message, at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (input, code) DO UPDATE SET message = excluded.message, at = excluded.at")
        with self._write() as cur:
            cur.executemany(self._sql(sql), rows)
        return len(rows)

    # -- reading ---------------------------------------------------------------------
    def has(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), PAGE):
            chunk = ids[i:i + PAGE]
            sql = f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))})"
            found.update(r[0] for r in self._fetch(sql, chunk))
        return found

    def get(self, record_id: str) -> Record | None:
        rows = self._fetch("SELECT r.text, r.json FROM articles a JOIN records r ON r.n = a.n "
                           "WHERE a.id = ?", (record_id,))
        return record_from_row(*rows[0]) if rows else None

    def records(self, ids: Iterable[str] | None = None) -> Iterator[Record]:
        if ids is not None:
            for rid in ids:
                rec = self.get(rid)
                if rec is not None:
                    yield rec
            return
        last = 0
        while True:
            rows = self._fetch("SELECT n, text, json FROM records WHERE n > ? ORDER BY n LIMIT ?",
                               (last, PAGE))
            for n, text, data in rows:
                yield record_from_row(text, data)
                last = n
            if len(rows) < PAGE:
                return

    def count(self) -> int:
        return self._fetch("SELECT COUNT(*) FROM articles")[0][0]

    def errors(self) -> list[dict[str, Any]]:
        rows = self._fetch("SELECT input, code, message, at FROM errors ORDER BY n")
        return [dict(zip(COLUMNS["errors"], r)) for r in rows]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        cols = COLUMNS[table]
        for row in self._stream(f"SELECT {self.select(table)} FROM {table}"):
            yield dict(zip(cols, row))

    def select(self, table: str, alias: str = "") -> str:
        """The column list of a flat table for a SELECT (``alias.`` before each column); a
        column this database lacks (opened read-only before the migration adding it) is NULL."""
        if not hasattr(self, "_lacking"):
            applied = set(self.migrations())
            self._lacking = {key for key, name in ADDED_COLUMNS.items() if name not in applied}
        prefix = alias + "." if alias else ""
        return ", ".join(f"NULL AS {c}" if (table, c) in self._lacking else prefix + c
                         for c in COLUMNS[table])

    # -- search ----------------------------------------------------------------------
    def search(self, query: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Ranked hits for ``query`` (web-search syntax) narrowed by filters; see base.py."""
        f = Filters.parse(**filters)
        q = check_query(query)
        return self._ranked(q, f) if q else self._latest(f)

    def _where(self, f: Filters) -> str:
        return f.sql(unary_plus=self.dialect == "sqlite")

    def _latest(self, f: Filters) -> list[dict[str, Any]]:
        """Without a query: matching articles or quotes, newest first."""
        if f.kind == "quote":
            sql = ("SELECT a.id, a.published, a.source, a.title, q.qid, q.speaker, q.kind, "
                   "q.content FROM quotes q JOIN articles a ON a.id = q.article_id "
                   f"WHERE {self._where(f)} ORDER BY {self.newest}, q.n LIMIT ? OFFSET ?")
            rows = self._fetch(sql, [*f.args(), f.limit, f.offset])
            return [quote_hit(r[:4], None, r[4:], r[7]) for r in rows]
        sql = ("SELECT a.n, a.id, a.published, a.source, a.title FROM articles a "
               f"WHERE {self._where(f)} ORDER BY {self.newest} LIMIT ? OFFSET ?")
        rows = self._fetch(sql, [*f.args(), f.limit, f.offset])
        return [article_hit(r[1:5], None, self._opening(r[0])) for r in rows]

    def _opening(self, n: int) -> str:
        """The first words of article ``n`` (the snippet when there is no query)."""
        rows = self._fetch("SELECT substr(text, 1, ?) FROM records WHERE n = ?",
                           (SNIPPET_CHARS, n))
        return _trim(rows[0][0]) if rows else ""

    # -- who -------------------------------------------------------------------------
    def who(self, name: str, limit: int = 50) -> dict[str, Any]:
        """Quotes by ``name`` (by outlet and date) and the articles' mentions of them: through
        the corpus-wide actors whose name or variants contain it, else by stored names."""
        if not name or not name.strip():
            raise StoreError.make("U504", "", detail="a name is required")
        from ..actors.store import who as actor_who

        found = actor_who(self, name, limit)
        if found is not None:
            return found
        pat = like_pattern(name[:200])
        names_sql = "SELECT key FROM names WHERE key LIKE ? ESCAPE '\\'"
        matched = [r[0] for r in self._fetch(names_sql + " ORDER BY length(key), key LIMIT 20",
                                             (pat,))]
        by_source = self._fetch(
            "SELECT a.source, COUNT(*), MIN(a.published), MAX(a.published) FROM quotes q "
            f"JOIN articles a ON a.id = q.article_id WHERE q.speaker_key IN ({names_sql}) "
            "GROUP BY a.source ORDER BY COUNT(*) DESC, a.source", (pat,))
        quotes = self._fetch(
            "SELECT a.id, a.published, a.source, a.title, q.qid, q.speaker, q.kind, q.content "
            f"FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE q.speaker_key IN ({names_sql}) ORDER BY a.published, a.n, q.n LIMIT ?",
            (pat, limit))
        mentioned = self._fetch(
            "SELECT a.source, COUNT(DISTINCT a.id) FROM entities e "
            f"JOIN articles a ON a.id = e.article_id WHERE e.name_key IN ({names_sql}) "
            "GROUP BY a.source ORDER BY COUNT(DISTINCT a.id) DESC, a.source", (pat,))
        about = self._fetch(
            f"SELECT {MENTION_CONTEXT} FROM entities e "
            "JOIN mentions m ON m.article_id = e.article_id AND m.eid = e.eid "
            "JOIN articles a ON a.id = e.article_id JOIN records r ON r.n = a.n "
            f"WHERE e.name_key IN ({names_sql}) ORDER BY a.published, a.n, m.start_char LIMIT ?",
            (pat, limit))
        return who_result(name, matched, by_source, quotes, mentioned, about)

    def stats(self, by: str | None = None, unresolved: bool = False) -> list[dict[str, Any]]:
        if by == "speaker":  # corpus-wide actors; unresolved pronouns, groups only on request
            from ..actors.store import speaker_ranking

            return speaker_ranking(self, limit=stats_mod.TOP_ROWS, unresolved=unresolved)
        return stats_mod.stats(self._fetch, by)


def article_hit(head: Sequence[Any], score: float | None, snippet: str) -> dict[str, Any]:
    rid, published, source, title = head
    return {"kind": "article", "article_id": rid, "published": published, "source": source,
            "title": title, "score": None if score is None else round(score, 4),
            "snippet": snippet}


def quote_hit(head: Sequence[Any], score: float | None, quote: Sequence[Any],
              snippet: str | None) -> dict[str, Any]:
    hit = article_hit(head, score, snippet or "")
    hit.update(kind="quote", quote_id=quote[0], speaker=quote[1], quote_kind=quote[2],
               content=quote[3])
    return hit


def who_result(name: str, matched: list[str], by_source: list[tuple], quotes: list[tuple],
               mentioned: list[tuple], about: list[tuple],
               actors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """What ``who`` returns, from the rows of its queries: quotes per outlet (source, count,
    first, last), quotes (article head, qid, speaker, kind, content), articles per outlet
    (source, count) and mentions (:data:`MENTION_CONTEXT`); ``actors`` when actors matched."""
    found: dict[str, Any] = {"name": name, "matched_names": matched}
    if actors is not None:
        found["actors"] = actors
    found.update({
        "quotes_by_source": [{"source": s, "quotes": c, "first": f, "last": la}
                             for s, c, f, la in by_source],
        "quotes": [quote_hit(r[:4], None, r[4:], r[7]) for r in quotes],
        "mentioned_by_source": [{"source": s, "articles": c} for s, c in mentioned],
        "mentions": [{"article_id": r[0], "published": r[1], "source": r[2], "name": r[3],
                      "context": _mark(r[7], r[4] - r[6], r[5] - r[6])} for r in about],
    })
    return found


def _trim(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) < SNIPPET_CHARS - 20 else text[:text.rfind(" ")] + " …"


def _mark(context: str | None, start: int, end: int) -> str:
    """The context around a mention, the mention wrapped in ``**``, cut at word boundaries."""
    context = context or ""
    if not 0 <= start <= end <= len(context):
        return _trim(context)
    left, mid, right = context[:start], context[start:end], context[end:]
    left = left[left.find(" ") + 1:] if start >= 120 and " " in left else left
    right = right[:right.rfind(" ")] if " " in right and len(right) > 100 else right
    return re.sub(r"\s+", " ", f"{left}**{mid}**{right}").strip()
