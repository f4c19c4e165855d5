"""The public way to run SQL on a store: :meth:`Store.query` and :meth:`Store.transaction`.

Features built on the store (stories, plug-ins) run their own SQL through
these two methods, never through a backend's connection, so the same code
runs on SQLite and PostgreSQL:

>>> rows = store.query("SELECT id, title FROM articles WHERE source = ?", ["AP"])
>>> with store.transaction() as tx:          # one transaction: all or nothing
...     tx.execute("INSERT INTO alerts (query) VALUES (?)", ["ceasefire"])
...     n = tx.one("SELECT count(*) FROM alerts")[0]

SQL is written with ``?`` placeholders on both backends (the store rewrites
them for its driver) and values always travel as bound parameters.  Write the
SQL both databases accept (``ON CONFLICT``, ``RETURNING``, ``coalesce`` ...);
``store.dialect`` (``"sqlite"`` or ``"postgres"``) tells them apart where
they differ.  A transaction commits when the block ends and rolls back when it
raises; a store opened read-only raises :class:`StoreError` U502 on
:meth:`transaction`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

Params = Sequence[Any]


class Transaction:
    """One open write transaction (from :meth:`Store.transaction`)."""

    def __init__(self, cursor: Any, convert: Callable[[str], str]):
        self.cursor = cursor
        self._sql = convert

    def execute(self, sql: str, params: Params = ()) -> "Transaction":
        """Run one statement; read its rows with :meth:`fetchone` / :meth:`fetchall`."""
        self.cursor.execute(self._sql(sql), params)
        return self

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for every row of parameters."""
        self.cursor.executemany(self._sql(sql), list(rows))

    def fetchone(self) -> tuple | None:
        return self.cursor.fetchone()

    def fetchall(self) -> list[tuple]:
        return self.cursor.fetchall()

    def query(self, sql: str, params: Params = ()) -> list[tuple]:
        """Every row of a query, inside this transaction (it sees uncommitted writes)."""
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> tuple | None:
        """The first row of a query (or None), inside this transaction."""
        return self.execute(sql, params).fetchone()
