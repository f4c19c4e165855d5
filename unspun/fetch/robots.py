"""robots.txt, fetched with unspun's client and parsed with the standard library's parser.

RFC 9309: a robots.txt that is missing (any 4xx) allows everything; one that cannot be
had (5xx, a network error) means "disallow everything" until it can, so an overloaded
site is not crawled while it cannot say no. Files are cached per origin for an hour and
cut at 500 KiB, as the RFC allows.
"""
from __future__ import annotations

import threading
import time
import urllib.robotparser
from urllib.parse import urlsplit

from .client import HttpClient
from .failure import FetchError

MAX_ROBOTS_BYTES = 500 * 1024
CACHE_SECONDS = 3600.0


class _Rules:
    def __init__(self, parser: urllib.robotparser.RobotFileParser | None, allow_all: bool):
        self.parser = parser
        self.allow_all = allow_all
        self.fetched = time.monotonic()

    def allowed(self, agent: str, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(agent, url)

    def delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        value = self.parser.crawl_delay(agent)
        return float(value) if value is not None else None


class Robots:
    """Answers "may unspun fetch this URL?" and "how long between requests to this host?"."""

    def __init__(self, client: HttpClient, agent: str = "unspun"):
        self.client = client
        self.agent = agent
        self._cache: dict[str, _Rules] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        return self._rules(url).allowed(self.agent, url)

    def crawl_delay(self, url: str) -> float | None:
        return self._rules(url).delay(self.agent)

    def check(self, url: str) -> None:
        """FetchError U907 when robots.txt disallows ``url``."""
        if not self.allowed(url):
            raise FetchError("U907", url)

    def _rules(self, url: str) -> _Rules:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a bad port
        except ValueError:
            raise FetchError("U909", url) from None
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            rules = self._cache.get(origin)
            if rules is None or time.monotonic() - rules.fetched > CACHE_SECONDS:
                rules = self._cache[origin] = self._fetch(origin)
        return rules

    def _fetch(self, origin: str) -> _Rules:
        try:
            response = self.client.request(origin + "/robots.txt", accept="text/plain",
                                           max_bytes=MAX_ROBOTS_BYTES)
        except FetchError as exc:
            if exc.code == "U904":  # over the cap: RFC 9309 lets a crawler stop reading
                return _Rules(None, allow_all=True)
            return _Rules(None, allow_all=False)
        if 400 <= response.status < 500:
            return _Rules(None, allow_all=True)
        if response.status != 200:
            return _Rules(None, allow_all=False)
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return _Rules(parser, allow_all=True)
