"""Storing a corpus: :func:`open_store` and the :class:`Store` interface.

>>> store = open_store("news.db")                  # SQLite file (created if absent)
>>> store = open_store("postgresql://localhost/news?schema=unspun")
>>> store.add(records); store.search("ceasefire", source="AP", since="2023-09")

See :mod:`unspun.store.base` for every method and :mod:`unspun.store.schema`
for the tables.
"""
from __future__ import annotations

import os

from .base import AddResult, Store, StoreError
from .tables import TABLES

DEFAULT_DB = "unspun.db"

__all__ = ["open_store", "is_postgres", "Store", "StoreError", "AddResult", "TABLES",
           "DEFAULT_DB"]


def is_postgres(target: str | os.PathLike) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def open_store(target: str | os.PathLike = DEFAULT_DB, *, readonly: bool = False,
               **options: object) -> Store:
    """Open (creating and migrating when writable) the store at ``target``.

    ``target`` is a SQLite file path or a ``postgresql://`` URL (add
    ``?schema=NAME`` to keep unspun's tables in their own schema).
    ``readonly=True`` never writes (SQLite opens the file read-only and a
    missing file is an error).  Raises :class:`StoreError` (U50x) for a file
    that is not an unspun database, a read-only file opened for writing, or a
    server that cannot be reached.
    """
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), readonly=readonly, **options)  # type: ignore[arg-type]
    from .sqlite import SQLiteStore

    return SQLiteStore(target, readonly=readonly, **options)  # type: ignore[arg-type]
