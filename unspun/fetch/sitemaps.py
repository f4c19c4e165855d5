"""Sitemaps (urlset and sitemap index, plain or gzipped, with Google News tags) via lxml."""
from __future__ import annotations

from .items import Feed, FeedItem, iso_datetime
from .xmlsafe import gunzip, local_name, parse_xml
from .failure import FetchError

MAX_URLS = 50_000  # the sitemap protocol's limit per file


def looks_like_sitemap(body: bytes) -> bool:
    head = body[:4096]
    return body.startswith(b"\x1f\x8b") or b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(body: bytes, url: str) -> Feed:
    """A sitemap's URLs as items (kind 'sitemap'), or an index's sitemaps (kind 'sitemapindex').

    Entries have no GUID: a sitemap URL is its own identity.
    """
    root = parse_xml(gunzip(body, url, "a sitemap"), url, "a sitemap")
    kind = local_name(root)
    if kind not in ("urlset", "sitemapindex"):
        raise FetchError("U908", url, what="a sitemap", detail=f"root element <{kind}>")
    items: list[FeedItem] = []
    for entry in root:
        if local_name(entry) not in ("url", "sitemap"):
            continue
        fields = _fields(entry)
        if fields.get("loc"):
            items.append(FeedItem(guid=None, url=fields["loc"], title=fields.get("title"),
                                  published=iso_datetime(fields.get("publication_date")
                                                         or fields.get("lastmod"))))
        if len(items) >= MAX_URLS:
            break
    return Feed("sitemap" if kind == "urlset" else "sitemapindex", items=items)


def _fields(entry) -> dict[str, str]:  # noqa: ANN001 - an lxml element
    out: dict[str, str] = {}
    for child in entry.iter():
        name = local_name(child)
        if name in ("loc", "lastmod", "title", "publication_date") and child.text:
            out.setdefault(name, child.text.strip())
    return out
