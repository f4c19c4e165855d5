"""Followed sources: add (resolving a home page to its feed), list, remove, pause."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from ..errors import Problem, UnspunError
from ..fetch import FetchError, HttpClient, discover_feeds, parse_feed, parse_sitemap
from ..fetch.sniff import kind_of
from .db import now, query, stamp, transaction

DEFAULT_EVERY = 15 * 60
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
COLUMNS = ("id", "url", "feed_url", "kind", "name", "every_seconds", "paused", "allow_private",
           "etag", "last_modified", "due_at", "last_fetch_at", "last_ok_at", "last_status",
           "error_code", "error", "failures", "items", "articles", "added_at")


def parse_every(value: str | int | float) -> int:
    """Seconds in ``15m``, ``2h``, ``1d``, ``90s`` or a bare number of seconds (U910)."""
    m = _INTERVAL.fullmatch(str(value).strip().lower())
    seconds = float(m[1]) * _UNITS[m[2] or "s"] if m else 0
    if seconds < 10:
        raise UnspunError(Problem.make("U910", "--every", value=str(value)))
    return int(seconds)


def resolve(client: HttpClient, url: str) -> tuple[str, str, str | None]:
    """``(feed_url, kind, title)`` for a feed, a sitemap, or a home page linking a feed."""
    response = client.get(url, accept="application/rss+xml, application/atom+xml, "
                                      "application/feed+json, application/xml, text/html;q=0.8")
    kind = kind_of(response)
    if kind == "html":
        for feed_url in discover_feeds(response.body, response.url):
            try:
                return resolve_feed(client, feed_url)
            except FetchError:
                continue
        raise FetchError("U912", url)
    return _parsed(response.url, response.body, response.content_type, kind)


def resolve_feed(client: HttpClient, url: str) -> tuple[str, str, str | None]:
    response = client.get(url)
    return _parsed(response.url, response.body, response.content_type, kind_of(response))


def _parsed(url: str, body: bytes, content_type: str, kind: str) -> tuple[str, str, str | None]:
    if kind == "html":
        raise FetchError("U912", url)
    feed = parse_sitemap(body, url) if kind == "sitemap" else parse_feed(body, url, content_type)
    return url, feed.kind, feed.title


def add_source(store: Any, url: str, *, name: str | None = None, every: int = DEFAULT_EVERY,
               allow_private: Collection[str] = (), client: HttpClient | None = None
               ) -> dict[str, Any]:
    """Follow ``url`` (fetched once to find its feed); a source already following that URL
    or the same feed is updated instead of added twice."""
    client = client or HttpClient(allow_private=allow_private)
    feed_url, kind, title = resolve(client, url)
    allow = " ".join(sorted(set(allow_private)))
    with transaction(store) as tx:
        found = tx.one("SELECT id FROM watch_sources WHERE url = ? OR feed_url = ? "
                       "ORDER BY id", (url, feed_url))
        if found:
            tx.execute("UPDATE watch_sources SET feed_url = ?, kind = ?, name = ?, "
                       "every_seconds = ?, allow_private = ? WHERE id = ?",
                       (feed_url, kind, name or title, every, allow, found[0]))
        else:
            tx.execute("INSERT INTO watch_sources (url, feed_url, kind, name, every_seconds, "
                       "allow_private, due_at, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (url, feed_url, kind, name or title, every, allow, stamp(), stamp()))
        source_id = found[0] if found else tx.one(
            "SELECT id FROM watch_sources WHERE url = ?", (url,))[0]
    return get_source(store, source_id)


def list_sources(store: Any) -> list[dict[str, Any]]:
    rows = query(store, f"SELECT {', '.join(COLUMNS)} FROM watch_sources ORDER BY id")
    return [dict(zip(COLUMNS, row)) for row in rows]


def get_source(store: Any, ref: str | int) -> dict[str, Any]:
    """A source by id or URL; U911 when there is none."""
    text = str(ref).strip()
    where, value = ("id = ?", int(text)) if text.isdigit() else ("url = ?", text)
    rows = query(store, f"SELECT {', '.join(COLUMNS)} FROM watch_sources WHERE {where}",
                 (value,))
    if not rows:
        raise UnspunError(Problem.make("U911", text, source=text))
    return dict(zip(COLUMNS, rows[0]))


def remove_source(store: Any, ref: str | int) -> dict[str, Any]:
    source = get_source(store, ref)
    with transaction(store) as tx:
        tx.execute("DELETE FROM watch_sources WHERE id = ?", (source["id"],))
    return source


def pause_source(store: Any, ref: str | int, paused: bool = True) -> dict[str, Any]:
    source = get_source(store, ref)
    with transaction(store) as tx:
        tx.execute("UPDATE watch_sources SET paused = ?, due_at = ? WHERE id = ?",
                   (1 if paused else 0, stamp(), source["id"]))
    return get_source(store, source["id"])


def due_sources(store: Any, at: dt.datetime | None = None) -> list[dict[str, Any]]:
    """Unpaused sources whose due time has come, the longest overdue first."""
    rows = query(store, f"SELECT {', '.join(COLUMNS)} FROM watch_sources WHERE paused = 0 "
                 "AND due_at <= ? ORDER BY due_at, id", (stamp(at or now()),))
    return [dict(zip(COLUMNS, row)) for row in rows]
