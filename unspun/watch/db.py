"""The watch's SQL goes through the store's public methods; UTC time stamps.

``transaction(store)`` is :meth:`Store.transaction`: the store's own writes made inside it
(``store.add``, the story assignment) join it, so an article, its dedup keys and its story
commit together.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def stamp(when: dt.datetime | None = None) -> str:
    """A UTC time as sortable ISO text (the form every watch column stores)."""
    return (when or now()).isoformat()


def query(store: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    return store.query(sql, params)


def transaction(store: Any) -> AbstractContextManager[Any]:
    return store.transaction()
