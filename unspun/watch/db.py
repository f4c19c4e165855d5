"""The watch's SQL: ``query`` and ``transaction`` over a store, and UTC time stamps.

``transaction`` is joined by the store's own writes made inside it (``store.add``, the
story assignment), so an article, its dedup keys and its story commit together.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def stamp(when: dt.datetime | None = None) -> str:
    """A UTC time as sortable ISO text (the form every watch column stores)."""
    return (when or now()).isoformat()


class _Tx:
    """The open transaction: execute / query / one with ``?`` placeholders."""

    def __init__(self, cursor: Any, convert: Any):
        self.cursor, self._sql = cursor, convert

    def execute(self, sql: str, params: Sequence[Any] = ()) -> "_Tx":
        self.cursor.execute(self._sql(sql), params)
        return self

    def executemany(self, sql: str, rows: Any) -> None:
        self.cursor.executemany(self._sql(sql), list(rows))

    def fetchone(self) -> tuple | None:
        return self.cursor.fetchone()

    def fetchall(self) -> list[tuple]:
        return self.cursor.fetchall()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        return self.execute(sql, params).fetchone()


@contextmanager
def transaction(store: Any) -> Iterator[_Tx]:
    """One write transaction; nested calls, and the store's own ``_tx`` inside it, join it."""
    open_tx = store.__dict__.get("_watch_tx")
    if open_tx is not None:
        yield open_tx
        return
    with store._tx() as cur:
        tx = _Tx(cur, store._sql)

        @contextmanager
        def joined() -> Iterator[Any]:
            yield cur

        store._tx, store._watch_tx = joined, tx
        try:
            yield tx
        finally:
            del store._tx
            del store._watch_tx


def query(store: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    if hasattr(store, "query"):
        return store.query(sql, params)
    return store._fetch(sql, params)  # the backend converts the placeholders


def ensure_tables(store: Any, name: str, statements: list[str]) -> None:
    """Create the tables of a migration the store did not apply (before named sets)."""
    if getattr(store, "readonly", False) or name in store.migrations():
        return
    with transaction(store) as tx:
        for statement in statements:
            tx.execute(statement.replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                       .replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "))
