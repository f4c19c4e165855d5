"""Feed discovery: the ``<link rel="alternate">`` feeds a site's home page names."""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/json", "application/rdf+xml"}
MAX_FEEDS = 20


class _Links(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.feeds: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and values.get("href"):
            self.base = urljoin(self.base, values["href"].strip())
        if tag != "link" or "alternate" not in values.get("rel", "").lower().split():
            return
        kind = values.get("type", "").split(";")[0].strip().lower()
        href = values.get("href", "").strip()
        if kind in FEED_TYPES and href and len(self.feeds) < MAX_FEEDS:
            url = urljoin(self.base, href)
            if url.startswith(("http://", "https://")) and url not in self.feeds:
                self.feeds.append(url)


def discover_feeds(html: bytes, page_url: str) -> list[str]:
    """Absolute URLs of the feeds a page links as alternates, in page order."""
    parser = _Links(page_url)
    parser.feed(html.decode("utf-8", errors="replace"))
    parser.close()
    return parser.feeds
