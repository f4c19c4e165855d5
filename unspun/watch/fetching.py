"""The network half of a watch round, run in worker threads: feeds and pages, politely.

Nothing here touches the store: workers fetch and extract, the round's main thread
decides what is new and writes. Every request first asks robots.txt, then waits its turn
for the host (``HostPacer``, at least the site's Crawl-delay), and transient failures
are retried with backoff.
"""
from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass, field

from ..errors import Problem
from ..fetch import (FetchError, HostPacer, HttpClient, Response, Robots, extract_page,
                     parse_feed, parse_sitemap, with_retries)
from ..fetch.items import Feed, FeedItem
from ..fetch.sniff import kind_of
from ..readers.article import Article

MAX_CHILD_SITEMAPS = 5
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, */*;q=0.5")


@dataclass
class FeedResult:
    """A source's fetch: 304, a parsed feed, or the error that stopped it."""

    source: dict
    not_modified: bool = False
    feed: Feed | None = None
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None
    error: FetchError | None = None


@dataclass
class Politeness:
    """The client, robots.txt cache and host pacer shared by one watch's workers."""

    allow_private: Collection[str] = ()
    delay: float = 1.0
    timeout: float = 20.0
    attempts: int = 3
    backoff: float = 1.0
    client: HttpClient = field(init=False)
    robots: Robots = field(init=False)
    pacer: HostPacer = field(init=False)
    _wider: dict = field(init=False, default_factory=dict)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.client = HttpClient(allow_private=self.allow_private, timeout=self.timeout)
        self.robots = Robots(self.client)
        self.pacer = HostPacer(self.delay)

    def for_source(self, source: dict) -> "Politeness":
        """This politeness, with the hosts the source was added with also allowed (one
        per set of hosts, kept: its robots.txt cache is reused)."""
        extra = frozenset((source.get("allow_private") or "").split()) - set(self.allow_private)
        if not extra:
            return self
        with self._lock:
            wider = self._wider.get(extra)
            if wider is None:
                wider = self._wider[extra] = Politeness(set(self.allow_private) | extra,
                                                        self.delay, self.timeout,
                                                        self.attempts, self.backoff)
                wider.pacer = self.pacer  # one pacing for every host, whatever the client
        return wider

    def get(self, url: str, **kwargs: object) -> Response:
        self.robots.check(url)
        self.pacer.wait(url, self.robots.crawl_delay(url))
        return with_retries(lambda: self.client.get(url, **kwargs),  # type: ignore[arg-type]
                            attempts=self.attempts, base=self.backoff)


def fetch_feed(polite: Politeness, source: dict) -> FeedResult:
    """Fetch a source's feed with its stored validators (conditional GET) and parse it."""
    out = FeedResult(source)
    try:
        response = polite.get(source["feed_url"], etag=source.get("etag"),
                              last_modified=source.get("last_modified"), accept=FEED_ACCEPT)
        out.status = response.status
        if response.not_modified:
            out.not_modified = True
            return out
        out.etag, out.last_modified = response.etag, response.last_modified
        out.feed = _parse(polite, response)
    except FetchError as exc:
        out.error = exc
        out.status = exc.status
    except Exception as exc:  # noqa: BLE001 - a parser's surprise is this source's error
        out.error = FetchError("U908", source["feed_url"], what="a feed or sitemap",
                               detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    return out


def _parse(polite: Politeness, response: Response) -> Feed:
    kind = kind_of(response)
    if kind == "sitemap":
        feed = parse_sitemap(response.body, response.url)
        if feed.kind == "sitemapindex":
            return _children(polite, feed)
        return feed
    if kind == "html":
        raise FetchError("U908", response.url, what="a feed or sitemap",
                         detail="an HTML page (add its feed, or add the page again to "
                                "discover it)")
    return parse_feed(response.body, response.url, response.content_type)


def _children(polite: Politeness, index: Feed) -> Feed:
    """A sitemap index's newest child sitemaps, read as one sitemap."""
    newest = sorted(index.items, key=lambda i: i.published or "", reverse=True)
    out = Feed("sitemap")
    for child in newest[:MAX_CHILD_SITEMAPS]:
        if child.url:
            response = polite.get(child.url)
            out.items.extend(parse_sitemap(response.body, response.url).items)
    return out


@dataclass
class PageResult:
    source_id: int
    item: FeedItem
    keys: list[str]
    article: Article | None = None
    problem: Problem | None = None
    transient: bool = False


def fetch_page(polite: Politeness, source: dict, item: FeedItem, keys: list[str]) -> PageResult:
    """Fetch and extract one item's page; a failure comes back as a coded problem."""
    out = PageResult(source["id"], item, keys)
    try:
        response = polite.get(item.url or "", accept="text/html, application/xhtml+xml")
    except FetchError as exc:
        out.problem, out.transient = exc.problem, exc.transient
        return out
    try:
        result = extract_page(response, source=source.get("name"), title=item.title,
                              published=item.published)
    except Exception as exc:  # noqa: BLE001 - one bad page never stops the round
        result = Problem.make("U908", response.url, url=response.url, what="an article page",
                              detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    if isinstance(result, Problem):
        out.problem = result
    else:
        result.meta["feed_url"] = source["feed_url"]
        if item.guid:
            result.meta["guid"] = item.guid
        out.article = result
    return out
