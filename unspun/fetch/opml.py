"""OPML import: the feeds a reader exported, with their titles."""
from __future__ import annotations

from dataclasses import dataclass

from .xmlsafe import local_name, parse_xml

MAX_OUTLINES = 10_000


@dataclass
class OpmlFeed:
    url: str
    title: str | None = None


def read_opml(body: bytes, origin: str) -> list[OpmlFeed]:
    """Every ``<outline xmlUrl=...>`` at any depth; FetchError U908 for a broken file."""
    root = parse_xml(body, origin, "an OPML file")
    out: list[OpmlFeed] = []
    seen: set[str] = set()
    for outline in root.iter():
        if local_name(outline) != "outline":
            continue
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url.startswith(("http://", "https://")) and url not in seen:
            seen.add(url)
            title = (outline.get("title") or outline.get("text") or "").strip() or None
            out.append(OpmlFeed(url, title))
        if len(out) >= MAX_OUTLINES:
            break
    return out
