"""A real local web site for the fetch and watch tests: a threading HTTP server on 127.0.0.1.

Three outlets publish the bundled example articles (examples/corpus): the wire as RSS 2.0,
the ledger as Atom, the voice as JSON Feed, and all of them in a sitemap. Beside them are
the bad cases a watcher meets: a malformed feed, a 500, a 404 page, a redirect loop, a
page that never finishes, a huge page, a feed that repeats items, a feed whose items move
to new URLs under the same GUIDs, and an entity bomb. Feeds answer conditional GETs
(ETag and Last-Modified) with 304. Tests change the site while it runs (``add_item``,
``moved``) and read what was asked of it (``requests``).
"""
from __future__ import annotations

import calendar
import hashlib
import html
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
OUTLETS = {"wire": "Northgate Wire", "ledger": "The Ledger", "voice": "Valley Voice"}
FEED_PATHS = {"wire": "/wire/rss.xml", "ledger": "/ledger/atom.xml", "voice": "/voice/feed.json"}
HUGE_BYTES = 30_000_000


@dataclass
class Page:
    slug: str
    outlet: str
    title: str
    date: str
    body: str


def _load_pages() -> dict[str, Page]:
    pages = {}
    for path in sorted(CORPUS.glob("*.txt")):
        head, _, body = path.read_text("utf-8").partition("\n\n")
        fields = dict(line.split(" ", 1) if line.startswith("date ") else line.split(": ", 1)
                      for line in head.splitlines())
        slug = path.stem
        pages[slug] = Page(slug, slug.split("-")[0], fields["title"], fields["date"],
                           body.strip())
    return pages


class Site:
    """The site's content and its request log; safe to change from the test thread."""

    def __init__(self) -> None:
        self.pages = _load_pages()
        # each outlet's feed starts with all its articles but the newest (added by tests)
        self.feeds: dict[str, list[str]] = {
            outlet: sorted(s for s in self.pages if s.startswith(outlet + "-"))[:-1]
            for outlet in OUTLETS}
        self.moved = False
        self.posted: list[bytes] = []  # bodies POSTed to /hook
        self.override: dict[str, str] = {}  # path -> the path whose answer it gives instead
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.base = ""

    def add_item(self, outlet: str) -> str:
        """Publish the outlet's next article in its feed; returns its slug."""
        with self.lock:
            have = set(self.feeds[outlet])
            slug = next(s for s in sorted(self.pages) if s.startswith(outlet + "-")
                        and s not in have)
            self.feeds[outlet].append(slug)
            return slug

    def hits(self, prefix: str = "") -> Counter:
        with self.lock:
            return Counter(path for path, _ in self.requests if path.startswith(prefix))

    def page_url(self, slug: str) -> str:
        return f"{self.base}/articles/{slug}.html"

    # --- documents -------------------------------------------------------------------------
    def article_html(self, slug: str) -> str:
        page = self.pages[slug]
        paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in page.body.split("\n\n"))
        return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>"
                f"<title>{html.escape(page.title)}</title>"
                f"<link rel='canonical' href='{self.page_url(slug)}'>"
                f"<meta property='og:site_name' content='{OUTLETS[page.outlet]}'>"
                f"<meta property='article:published_time' content='{page.date}T09:00:00Z'>"
                f"</head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
                f"<article><h1>{html.escape(page.title)}</h1>{paras}</article>"
                f"<footer>(c) {OUTLETS[page.outlet]}</footer></body></html>")

    def rss(self, slugs: list[str], repeat: bool = False) -> str:
        items = []
        for slug in slugs:
            page = self.pages[slug]
            url = self.page_url(slug) + ("?from=moved" if self.moved else "")
            item = (f"<item><title>{html.escape(page.title)}</title><link>{url}</link>"
                    f"<guid isPermaLink='false'>urn:{slug}</guid>"
                    f"<pubDate>{formatdate(_epoch(page.date), usegmt=True)}</pubDate></item>")
            items.extend([item, item] if repeat else [item])
        return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                f"<title>Northgate Wire</title><link>{self.base}/</link>"
                f"<description>news</description>{''.join(items)}</channel></rss>")

    def dead_links(self) -> str:
        """A feed whose items lead to a 404, a robots.txt-disallowed page, a huge page and
        one good article."""
        paths = ["/bad/404", "/private/secret.html", "/bad/huge",
                 "/articles/wire-2024-02-27-rail.html"]
        items = "".join(f"<item><title>item {i}</title><link>{self.base}{p}</link>"
                        f"<guid>dead-{i}</guid></item>" for i, p in enumerate(paths))
        return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Dead links</title>"
                f"<link>{self.base}/</link>{items}</channel></rss>")

    def atom(self, slugs: list[str]) -> str:
        entries = "".join(
            f"<entry><title>{html.escape(self.pages[s].title)}</title>"
            f"<link rel='alternate' href='{self.page_url(s)}'/><id>tag:ledger,{s}</id>"
            f"<updated>{self.pages[s].date}T09:00:00Z</updated></entry>" for s in slugs)
        return ("<?xml version='1.0' encoding='utf-8'?>"
                "<feed xmlns='http://www.w3.org/2005/Atom'><title>The Ledger</title>"
                f"<id>tag:ledger</id><updated>2024-04-30T00:00:00Z</updated>{entries}</feed>")

    def json_feed(self, slugs: list[str]) -> str:
        return json.dumps({"version": "https://jsonfeed.org/version/1.1",
                           "title": "Valley Voice", "home_page_url": self.base + "/",
                           "items": [{"id": f"voice/{s}", "url": self.page_url(s),
                                      "title": self.pages[s].title,
                                      "date_published": f"{self.pages[s].date}T09:00:00Z"}
                                     for s in slugs]})

    def sitemap(self) -> str:
        urls = "".join(f"<url><loc>{self.page_url(s)}</loc><lastmod>{p.date}</lastmod></url>"
                       for s, p in sorted(self.pages.items()))
        return ("<?xml version='1.0' encoding='UTF-8'?>"
                f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>")

    def home(self, feed: str | None = None) -> str:
        """The site's home page (both feeds), or an outlet's (``feed`` only)."""
        links = ([("application/atom+xml", feed)] if feed else
                 [("application/rss+xml", "/wire/rss.xml"),
                  ("application/atom+xml", "ledger/atom.xml")])
        return ("<html><head><title>News</title>" + "".join(
            f"<link rel='alternate' type='{kind}' href='{href}'>" for kind, href in links)
            + "<link rel='stylesheet' href='/style.css'></head><body>Home</body></html>")

    def opml(self) -> str:
        outlines = "".join(f"<outline text='{OUTLETS[o]}' type='rss' xmlUrl='{self.base}{p}'/>"
                           for o, p in FEED_PATHS.items())
        return (f"<?xml version='1.0'?><opml version='2.0'><head><title>f</title></head>"
                f"<body><outline text='news'>{outlines}</outline></body></opml>")


def _epoch(date: str) -> float:
    return calendar.timegm(time.strptime(date + " 09:00", "%Y-%m-%d %H:%M"))


_BOMB = ("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
         "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]>"
         "<rss version='2.0'><channel><title>&lol2;</title></channel></rss>")


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        site = self.site
        path = urlsplit(self.path).path
        with site.lock:
            site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            path = site.override.get(path, path)
        route = {"/robots.txt": lambda: self._send(200, "User-agent: *\nDisallow: /private/\n",
                                                   "text/plain"),
                 "/": lambda: self._send(200, site.home(), "text/html"),
                 "/ledger/": lambda: self._send(200, site.home("/ledger/atom.xml"), "text/html"),
                 "/sitemap.xml": lambda: self._feed(site.sitemap(), "application/xml"),
                 "/feeds.opml": lambda: self._send(200, site.opml(), "text/x-opml"),
                 "/bad/malformed.xml": lambda: self._send(
                     200, "<rss version='2.0'><channel><item><title>x</ti", "application/xml"),
                 "/bad/not-a-feed.xml": lambda: self._send(200, "<html><body>hi</body></html>",
                                                           "application/xml"),
                 "/bad/500": lambda: self._send(500, "oops", "text/plain"),
                 "/bad/404": lambda: self._send(404, "<html><body><h1>Not found</h1>"
                                                "</body></html>", "text/html"),
                 "/bad/entities.xml": lambda: self._send(200, _BOMB, "application/xml"),
                 "/bad/repeat.xml": lambda: self._feed(site.rss(site.feeds["wire"], True),
                                                       "application/rss+xml"),
                 "/moving.xml": lambda: self._feed(site.rss(site.feeds["wire"]),
                                                   "application/rss+xml"),
                 "/bad/dead-links.xml": lambda: self._feed(site.dead_links(),
                                                           "application/rss+xml"),
                 "/loop/a": lambda: self._redirect("/loop/b"),
                 "/loop/b": lambda: self._redirect("/loop/a"),
                 "/go/home": lambda: self._redirect("/"),
                 "/go/localhost": lambda: self._redirect(
                     site.base.replace("127.0.0.1", "localhost") + "/"),
                 "/bad/slow": self._slow, "/bad/huge": self._huge,
                 "/private/secret.html": lambda: self._send(200, site.article_html(
                     next(iter(site.pages))), "text/html")}
        feeds = {"/wire/rss.xml": lambda: self._feed(site.rss(site.feeds["wire"]),
                                                     "application/rss+xml"),
                 "/ledger/atom.xml": lambda: self._feed(site.atom(site.feeds["ledger"]),
                                                        "application/atom+xml"),
                 "/voice/feed.json": lambda: self._feed(site.json_feed(site.feeds["voice"]),
                                                        "application/feed+json")}
        route.update(feeds)
        if path in route:
            return route[path]()
        if path.startswith("/articles/") and path.endswith(".html"):
            slug = path[len("/articles/"):-len(".html")]
            if slug in site.pages:
                return self._send(200, site.article_html(slug), "text/html; charset=utf-8")
        self._send(404, "<html><body>no such page</body></html>", "text/html")

    def do_POST(self) -> None:  # noqa: N802 - a webhook receiver: /hook keeps what it gets
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, 1_000_000))
        path = urlsplit(self.path).path
        with self.site.lock:
            self.site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            if path == "/hook":
                self.site.posted.append(body)
        self._send(200 if path == "/hook" else 500, "ok", "text/plain")

    def _send(self, status: int, text: str, kind: str, extra: dict[str, str] | None = None,
              ) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _feed(self, text: str, kind: str) -> None:
        """A feed with validators; 304 when the client's ETag or date still matches."""
        etag = '"' + hashlib.sha256(text.encode()).hexdigest()[:16] + '"'
        modified = formatdate(1_700_000_000 + int(etag[1:9], 16) % 1_000_000, usegmt=True)
        if self.headers.get("If-None-Match") == etag or (
                "If-None-Match" not in self.headers
                and self.headers.get("If-Modified-Since") == modified):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, text, kind, {"ETag": etag, "Last-Modified": modified})

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _slow(self) -> None:
        """Headers at once, then a byte every 0.2 s, never reaching its Content-Length."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(600):
                if self.site.stopping.wait(0.2):
                    break
                self.wfile.write(b"<")
                self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True

    def _huge(self) -> None:
        """A page far over any size cap, sent without a Content-Length (read until close)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        block = b"<p>" + b"x" * 65530 + b"</p>"
        try:
            for _ in range(HUGE_BYTES // len(block)):
                if self.site.stopping.is_set():
                    break
                self.wfile.write(block)
        except OSError:
            pass
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up on purpose (size cap, deadline) are not errors here


class WebFixture:
    """Start with ``with WebFixture() as web:``; ``web.base`` is http://127.0.0.1:PORT."""

    def __init__(self) -> None:
        self.site = Site()
        handler = type("Handler", (_Handler,), {"site": self.site})
        self.server = _Server(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.site.base = self.base
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> WebFixture:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.site.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(5)


def serve_forever() -> None:  # `python tests/webfixture.py`: look at the site by hand
    with WebFixture() as web:
        print(web.base, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    serve_forever()
