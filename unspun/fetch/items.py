"""What a feed or sitemap yields: items with a GUID, a URL, a title and a date."""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field


@dataclass
class FeedItem:
    """One entry of a feed (or URL of a sitemap); ``guid`` is None where the feed gives none."""

    guid: str | None
    url: str | None
    title: str | None = None
    published: str | None = None  # ISO 8601 in UTC, or None
    summary: str | None = None


@dataclass
class Feed:
    """A parsed feed: ``kind`` is rss, atom, json or sitemap."""

    kind: str
    title: str | None = None
    link: str | None = None
    items: list[FeedItem] = field(default_factory=list)


def iso_datetime(value: object) -> str | None:
    """ISO 8601 UTC text from a struct_time (feedparser) or an ISO string, or None."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        try:
            return dt.datetime(*value[:6], tzinfo=dt.timezone.utc).isoformat()
        except ValueError:
            return None
    text = str(value).strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc).isoformat()
