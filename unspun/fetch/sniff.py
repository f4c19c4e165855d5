"""What a fetched body is: a JSON Feed, an RSS/Atom feed, a sitemap or an HTML page."""
from __future__ import annotations

import re

from .client import Response
from .jsonfeed import looks_like_json_feed
from .sitemaps import looks_like_sitemap

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF)[\s>/]")
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)


def kind_of(response: Response) -> str:
    """'json', 'feed', 'sitemap' or 'html' (the fallback for anything else)."""
    body = response.body
    head = body[:8192]
    if response.content_type == "application/feed+json" or looks_like_json_feed(body):
        return "json"
    if looks_like_sitemap(body):
        return "sitemap"
    feed = _FEED_ROOT.search(head)
    html = _HTML.search(head)
    if feed and (not html or feed.start() < html.start()):
        return "feed"
    return "html"
