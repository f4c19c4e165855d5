"""Follow sources (RSS, Atom, JSON Feed, sitemaps, home pages) and store new articles as
they appear: ``unspun sources`` and ``unspun watch``.

>>> from unspun.watch import add_source, watch
>>> add_source(store, "https://example.org/feed.xml", every=900)
>>> watch(store, once=True)

Names load on first use: the store imports :mod:`unspun.watch.schema` (its migration set)
every time it opens, and that must not pull in the HTTP client and the feed parsers.
"""
from __future__ import annotations

import importlib
from typing import Any

_NAMES = {"watch": "runner", "WatchOptions": "round", "RoundStats": "round",
          "add_source": "sources", "list_sources": "sources", "get_source": "sources",
          "remove_source": "sources", "pause_source": "sources", "parse_every": "sources"}

__all__ = list(_NAMES)


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        return getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)
    raise AttributeError(f"module 'unspun.watch' has no attribute {name!r}")
