"""JSON Feed 1.0 / 1.1 (https://jsonfeed.org), which feedparser 6 does not read.

The body is already size-capped by the client; nesting is checked before ``json.loads``
so a deeply nested document is refused in linear time instead of exhausting the stack.
"""
from __future__ import annotations

import json
import re
from typing import Any

from .failure import FetchError
from .items import Feed, FeedItem, iso_datetime

MAX_DEPTH = 32
MAX_ITEMS = 1000
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(body: bytes, limit: int = MAX_DEPTH) -> int:
    """Deepest nesting of arrays and objects in ``body`` (stops counting past ``limit``)."""
    depth = deepest = 0
    for m in _BRACKET.finditer(_STRING.sub(b'""', body)):
        depth += 1 if m.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
        if deepest > limit:
            break
    return deepest


def looks_like_json_feed(body: bytes) -> bool:
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b"jsonfeed.org/version" in body[:65536]


def parse_json_feed(body: bytes, url: str) -> Feed:
    """A JSON Feed's items; FetchError U908 for anything that is not one."""
    def bad(detail: str) -> FetchError:
        return FetchError("U908", url, what="a JSON Feed", detail=detail)

    if json_depth(body) > MAX_DEPTH:
        raise bad(f"nested more than {MAX_DEPTH} levels deep")
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad(f"broken JSON: {exc}") from None
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
            "https://jsonfeed.org/version/"):
        raise bad("no JSON Feed version")
    items = doc.get("items")
    if not isinstance(items, list):
        raise bad("no items list")
    out = [_item(raw) for raw in items[:MAX_ITEMS] if isinstance(raw, dict)]
    return Feed("json", _text(doc.get("title")), _text(doc.get("home_page_url")),
                [item for item in out if item.url or item.guid])


def _text(value: Any) -> str | None:
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _item(raw: dict[str, Any]) -> FeedItem:
    return FeedItem(guid=_text(raw.get("id")),
                    url=_text(raw.get("url")) or _text(raw.get("external_url")),
                    title=_text(raw.get("title")),
                    published=iso_datetime(_text(raw.get("date_published"))),
                    summary=_text(raw.get("summary")) or _text(raw.get("content_text")))
