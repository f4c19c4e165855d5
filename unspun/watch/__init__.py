"""Follow sources (RSS, Atom, JSON Feed, sitemaps, home pages) and store new articles as
they appear: ``unspun sources`` and ``unspun watch``.

>>> from unspun.watch import add_source, watch
>>> add_source(store, "https://example.org/feed.xml", every=900)
>>> watch(store, once=True)
"""
from .round import RoundStats, WatchOptions
from .runner import watch
from .sources import (add_source, get_source, list_sources, parse_every, pause_source,
                      remove_source)

__all__ = ["watch", "WatchOptions", "RoundStats", "add_source", "list_sources", "get_source",
           "remove_source", "pause_source", "parse_every"]
