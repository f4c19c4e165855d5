"""Fetching for ``unspun watch``: an HTTP client with limits, robots.txt, per-host pacing,
retries, and readers for feeds (RSS, Atom, JSON Feed), sitemaps, OPML and article pages.

Nothing here fetches by itself except ``HttpClient``: the parsers take the bytes it got.
"""
from .client import USER_AGENT, HttpClient, Response
from .discover import discover_feeds
from .failure import FetchError
from .feeds import parse_feed
from .items import Feed, FeedItem
from .opml import OpmlFeed, read_opml
from .pacing import HostPacer
from .pages import extract_page
from .retry import with_retries
from .robots import Robots
from .sitemaps import looks_like_sitemap, parse_sitemap
from .urls import canonical_url, item_keys

__all__ = ["HttpClient", "Response", "USER_AGENT", "FetchError", "Robots", "HostPacer",
           "with_retries", "Feed", "FeedItem", "parse_feed", "parse_sitemap",
           "looks_like_sitemap", "discover_feeds", "read_opml", "OpmlFeed", "extract_page",
           "canonical_url", "item_keys"]
