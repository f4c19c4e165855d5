"""The input side: an article as read, before analysis."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem

DEFAULT_MAX_CHARS = 1_000_000

TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("date", "published", "publication_date")
SOURCE_KEYS = ("source", "outlet", "publisher")


@dataclass
class Article:
    """One article to analyse, with the metadata its input gave."""

    text: str
    origin: str = ""
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    language: str | None = None  # the language code when known; else it is detected


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y",
                 "%d %B %Y", "%d %b %Y", "%a, %d %b %Y %H:%M:%S %z", "%Y%m%d")


def normalise_date(value: Any) -> str | None:
    """ISO date ``YYYY-MM-DD`` from common date spellings, or None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def article_from_mapping(row: dict[str, Any], origin: str) -> Article | Problem:
    """Build an article from a JSON object or CSV row (text|body|content, ...)."""
    text = next((row[k] for k in TEXT_KEYS if isinstance(row.get(k), str)), None)
    if text is None:
        return Problem.make("U106", origin)
    if not text.strip():
        return Problem.make("U102", origin)
    raw_date = next((row[k] for k in DATE_KEYS if row.get(k) not in (None, "")), None)
    published = normalise_date(raw_date)
    warnings = []
    if raw_date is not None and published is None:
        warnings.append(Problem.make("W204", origin, value=str(raw_date)))
    source = next((str(row[k]) for k in SOURCE_KEYS if row.get(k) not in (None, "")), None)
    used = set(TEXT_KEYS + DATE_KEYS + SOURCE_KEYS + ("title", "url"))
    meta = {k: v for k, v in row.items() if k not in used}
    title = row.get("title") or None
    url = row.get("url") or None
    return Article(text=text, origin=origin, published=published,
                   title=str(title) if title is not None else None,
                   url=str(url) if url is not None else None,
                   source=source, meta=meta, warnings=warnings)
