"""The Store interface: one corpus of analysed records, two backends (SQLite, PostgreSQL).

Open a store with :func:`unspun.open_store` (``"news.db"`` for SQLite, the default;
``"postgresql://user@host/db"`` for PostgreSQL, optionally ``?schema=name``).
Every backend implements the same public methods, and their names are stable:

``add(records, replace=False) -> AddResult``
    Store records in one transaction; records whose id is already stored are
    skipped (or replaced when ``replace=True``).  Safe to call from two
    processes at once: each article is stored exactly once.
``has(ids) -> set[str]``
    The subset of ``ids`` already stored (used to skip work on re-runs).
``get(id) -> Record | None``
    One stored record, exactly as it was added.
``records(ids=None) -> Iterator[Record]``
    Every stored record (or those with the given ids), in insertion order.
``count() -> int``
    Number of stored articles.
``add_errors(problems)`` / ``errors() -> list[dict]``
    Per-input failures (code, input, message), one row per input and code.
``search(query=None, *, kind="article", source=None, since=None, until=None,
speaker=None, entity=None, technique=None, voice=None, frame=None, limit=20,
offset=0) -> list[dict]``
    (the filters are those of :mod:`unspun.store.filters`, built-in or registered)
    Ranked full-text search (SQLite FTS5 bm25, PostgreSQL ts_rank) with
    highlighted snippets (matches wrapped in ``**``).  ``kind="quote"``
    searches quote contents and returns one hit per quote.  Bad user input
    raises :class:`StoreError` (code U504), never a database error.
``who(name, limit=50) -> dict``
    What a person or organisation said (quotes by outlet and date) and what
    articles said about them (mentions in context).
``stats(by=None) -> list[dict]``
    Articles, words, quotes, distinct speakers, techniques per 1,000 words by
    voice and top frames, per ``source``/``month``, or per ``speaker``/``technique``.
``rows(table) -> Iterator[dict]``
    The flat table ``articles``, ``entities``, ``mentions``, ``quotes``,
    ``techniques``, ``frames``, ``agencies`` or ``errors``, row by row.
``frame(table, **filters) -> pandas.DataFrame``
    A flat table (or ``"stories"``) as a typed DataFrame, narrowed by the
    search filters; see :mod:`unspun.dataframes` (needs ``unspun[notebook]``).
``export(out_dir, fmt="jsonl") -> dict[str, Path]``
    Records (``records.jsonl``) and every flat table as jsonl, csv or parquet.
``schema_version() -> int`` / ``migrations() -> list[str]``
    Applied, named migrations (every feature's set: see :mod:`unspun.store.migrations`).
``query(sql, params=()) -> list[tuple]`` / ``transaction() -> Transaction``
    Run SQL with ``?`` placeholders on either backend (reads; one write
    transaction): the public way for features and plug-ins to use their own
    tables; see :mod:`unspun.store.transaction`.
``dialect``
    ``"sqlite"`` or ``"postgres"``.
``close()``; stores are context managers.

Errors are :class:`StoreError` with a code (U50x, listed in :mod:`unspun.errors`).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..record import Record
from .errors import StoreError
from .export import export_store
from .tables import TABLES
from .transaction import Transaction

__all__ = ["Store", "StoreError", "AddResult", "TABLES", "SEARCH_KINDS", "STATS_BY", "VOICES"]

SEARCH_KINDS = ("article", "quote")
STATS_BY = ("source", "month", "speaker", "technique")
VOICES = ("author", "quoted")


@dataclass
class AddResult:
    """What :meth:`Store.add` did: ids added and ids skipped as already stored."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class Store(ABC):
    """A corpus of records; see the module docstring for the method contract."""

    url: str = ""
    dialect: str = ""

    # -- writing -----------------------------------------------------------------
    @abstractmethod
    def add(self, records: Iterable[Record], replace: bool = False) -> AddResult: ...

    @abstractmethod
    def add_errors(self, problems: Iterable[Problem]) -> int: ...

    # -- reading -----------------------------------------------------------------
    @abstractmethod
    def has(self, ids: Iterable[str]) -> set[str]: ...

    @abstractmethod
    def get(self, record_id: str) -> Record | None: ...

    @abstractmethod
    def records(self, ids: Iterable[str] | None = None) -> Iterator[Record]: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def errors(self) -> list[dict[str, Any]]: ...

    @abstractmethod
    def search(self, query: str | None = None, **filters: Any) -> list[dict[str, Any]]: ...

    @abstractmethod
    def who(self, name: str, limit: int = 50) -> dict[str, Any]: ...

    @abstractmethod
    def stats(self, by: str | None = None, unresolved: bool = False) -> list[dict[str, Any]]: ...

    @abstractmethod
    def rows(self, table: str) -> Iterator[dict[str, Any]]: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def migrations(self) -> list[str]: ...

    @abstractmethod
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Transaction]: ...

    @abstractmethod
    def close(self) -> None: ...

    def export(self, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
        """Write records and flat tables under ``out_dir``; see :mod:`unspun.store.export`."""
        return export_store(self, out_dir, fmt)

    def frame(self, table: str, **filters: Any) -> Any:
        """``table`` as a typed pandas DataFrame; see :mod:`unspun.dataframes`."""
        from ..dataframes import store_frame

        return store_frame(self, table, **filters)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
