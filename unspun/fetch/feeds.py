"""RSS and Atom through feedparser, JSON Feed through ``jsonfeed``: always from fetched bytes.

feedparser is handed a byte stream, never a string: given a string it would try it as a URL
(and fetch it itself) or as a file name (and read a local file).
"""
from __future__ import annotations

import io
from typing import Any

from .failure import FetchError
from .items import Feed, FeedItem, iso_datetime
from .jsonfeed import looks_like_json_feed, parse_json_feed
from .xmlsafe import refuse_entities

MAX_ITEMS = 1000
JSON_TYPES = {"application/feed+json", "application/json"}


def parse_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """The items of an RSS, Atom or JSON feed; FetchError U908 for anything else."""
    if content_type in JSON_TYPES or looks_like_json_feed(body):
        return parse_json_feed(body, url)
    refuse_entities(body, url, "a feed")
    import feedparser  # noqa: PLC0415 - heavy (sgmllib, sanitizer); only feeds need it

    parsed = feedparser.parse(io.BytesIO(body), response_headers={
        "content-location": url, "content-type": content_type or "application/xml"})
    version = parsed.get("version") or ""
    if not version or not (version.startswith("rss") or version.startswith("atom")):
        detail = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise FetchError("U908", url, what="an RSS or Atom feed", detail=str(detail)[:300])
    items = [i for i in (_item(entry) for entry in parsed.entries[:MAX_ITEMS]) if i.url or i.guid]
    if parsed.get("bozo") and not items:  # a feed broken past its first usable item
        raise FetchError("U908", url, what="an RSS or Atom feed",
                         detail=f"malformed: {str(parsed.get('bozo_exception'))[:300]}")
    feed = parsed.get("feed", {})
    return Feed("atom" if version.startswith("atom") else "rss", _clean(feed.get("title")),
                _clean(feed.get("link")), items)


def _clean(value: Any) -> str | None:
    text = str(value).strip() if isinstance(value, str) else ""
    return text or None


def _item(entry: Any) -> FeedItem:
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return FeedItem(guid=_clean(entry.get("id")), url=_clean(entry.get("link")),
                    title=_clean(entry.get("title")), published=iso_datetime(published),
                    summary=_clean(entry.get("summary")))
