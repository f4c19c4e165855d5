"""unspun.fetch against a real local web server (tests/webfixture.py): client limits,
robots.txt, pacing, retries, and the feed, sitemap, OPML, discovery and page readers."""
from __future__ import annotations

import gzip
import time

import pytest

from unspun.fetch import (USER_AGENT, FetchError, HostPacer, HttpClient, Robots, canonical_url,
                          discover_feeds, extract_page, item_keys, parse_feed, parse_sitemap,
                          read_opml, with_retries)
from unspun.fetch.addresses import address_kind
from unspun.fetch.jsonfeed import json_depth, parse_json_feed
from unspun.fetch.xmlsafe import gunzip
from webfixture import WebFixture

pytest.importorskip("feedparser")


@pytest.fixture(scope="module")
def web():
    with WebFixture() as fixture:
        yield fixture


@pytest.fixture
def client():
    return HttpClient(allow_private={"127.0.0.1"}, timeout=2.0, max_bytes=2_000_000)


def _code(call) -> FetchError:
    with pytest.raises(FetchError) as info:
        call()
    return info.value


# --- the client -------------------------------------------------------------------------------

def test_get_sends_a_user_agent_naming_unspun(web, client):
    client.get(web.url("/robots.txt"))
    _, headers = [r for r in web.site.requests if r[0] == "/robots.txt"][-1]
    assert headers["user-agent"] == USER_AGENT
    assert headers["user-agent"].startswith("unspun/")


def test_conditional_get_with_etag_or_date_answers_304_without_body(web, client):
    first = client.get(web.url("/ledger/atom.xml"))
    assert first.status == 200 and first.etag and first.last_modified and first.body
    again = client.get(web.url("/ledger/atom.xml"), etag=first.etag)
    assert again.not_modified and again.body == b""
    by_date = client.get(web.url("/ledger/atom.xml"), last_modified=first.last_modified)
    assert by_date.not_modified


def test_changed_feed_answers_200_to_an_old_etag(client):
    with WebFixture() as web:
        first = client.get(web.url("/wire/rss.xml"))
        web.site.add_item("wire")
        second = client.get(web.url("/wire/rss.xml"), etag=first.etag)
        assert second.status == 200 and second.etag != first.etag


def test_loopback_is_refused_unless_allowed(web):
    err = _code(lambda: HttpClient().get(web.url("/")))
    assert err.code == "U902" and "--allow-private 127.0.0.1" in str(err)
    assert _code(lambda: HttpClient(allow_private={"localhost"}).get(web.url("/"))).code == "U902"
    assert HttpClient(allow_private={"127.0.0.1"}).get(web.url("/")).status == 200


def test_every_redirect_hop_is_checked(web):
    allowed = HttpClient(allow_private={"127.0.0.1"})
    assert allowed.get(web.url("/go/home")).url == web.url("/")
    err = _code(lambda: allowed.get(web.url("/go/localhost")))  # the 2nd hop is localhost
    assert err.code == "U902" and "--allow-private localhost" in str(err)
    both = HttpClient(allow_private={"127.0.0.1", "localhost"})
    assert both.get(web.url("/go/localhost")).status == 200


@pytest.mark.parametrize("ip, kind", [("127.0.0.1", "loopback"), ("10.1.2.3", "private"),
                                      ("192.168.0.1", "private"), ("169.254.169.254", "link-local"),
                                      ("::1", "loopback"), ("::ffff:10.0.0.1", "private"),
                                      ("fe80::1", "link-local"), ("0.0.0.0", "unspecified"),
                                      ("100.64.0.1", "non-public"), ("8.8.8.8", None),
                                      ("2001:4860:4860::8888", None)])
def test_address_kinds(ip, kind):
    import ipaddress
    assert address_kind(ipaddress.ip_address(ip)) == kind


def test_non_http_urls_are_refused(client):
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://x", "http://", "x"):
        assert _code(lambda: client.get(url)).code == "U909"


def test_http_errors_are_coded_and_5xx_is_transient(web, client):
    err = _code(lambda: client.get(web.url("/bad/500")))
    assert (err.code, err.transient) == ("U903", True) and "HTTP 500" in str(err)
    err = _code(lambda: client.get(web.url("/bad/404")))
    assert (err.code, err.transient) == ("U903", False)


def test_redirect_loop_stops_at_the_limit(web, client):
    before = web.site.hits("/loop/")
    err = _code(lambda: client.get(web.url("/loop/a")))
    assert err.code == "U905"
    hops = sum((web.site.hits("/loop/") - before).values())
    assert hops == client.max_redirects + 1


def test_a_page_that_never_finishes_times_out_at_the_deadline(web):
    slow = HttpClient(allow_private={"127.0.0.1"}, timeout=1.0)
    start = time.monotonic()
    err = _code(lambda: slow.get(web.url("/bad/slow")))
    took = time.monotonic() - start
    assert err.code == "U906" and err.transient
    assert 0.9 < took < 3.0  # bytes keep trickling in: only a total deadline stops it


def test_a_huge_page_is_cut_at_the_size_cap(web, client):
    start = time.monotonic()
    err = _code(lambda: client.get(web.url("/bad/huge")))
    assert err.code == "U904" and "2,000,000" in str(err)
    assert time.monotonic() - start < 2.0


def test_gzip_output_is_capped_too():
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    assert _code(lambda: gunzip(bomb, "x", "a sitemap", limit=1_000_000)).code == "U904"
    assert gunzip(gzip.compress(b"<urlset/>"), "x", "a sitemap") == b"<urlset/>"


# --- robots, pacing, retries -----------------------------------------------------------------

def test_robots_txt_disallows_private_paths(web, client):
    robots = Robots(client)
    assert robots.allowed(web.url("/articles/wire-2024-02-27-rail.html"))
    assert not robots.allowed(web.url("/private/secret.html"))
    assert _code(lambda: robots.check(web.url("/private/secret.html"))).code == "U907"
    before = web.site.hits("/robots.txt")["/robots.txt"]
    robots.allowed(web.url("/x"))
    assert web.site.hits("/robots.txt")["/robots.txt"] == before  # cached per origin


def test_robots_txt_unreachable_means_disallow_missing_means_allow(client):
    with WebFixture() as web:
        port = web.base.rsplit(":", 1)[1]
    # the server is gone: robots.txt cannot be had, so nothing is fetched (RFC 9309)
    assert not Robots(client).allowed(f"http://127.0.0.1:{port}/articles/a.html")


def test_host_pacer_spaces_requests_to_one_host_only():
    pacer = HostPacer(delay=0.3)
    start = time.monotonic()
    pacer.wait("http://a.example/1")
    pacer.wait("http://b.example/1")
    assert time.monotonic() - start < 0.1
    pacer.wait("http://a.example/2")
    assert time.monotonic() - start >= 0.28


def test_retries_transient_errors_with_growing_backoff_and_not_permanent_ones():
    waits: list[float] = []
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise FetchError("U906", "http://x/", seconds=1, transient=True)
        return "ok"

    assert with_retries(flaky, attempts=3, base=1.0, sleep=waits.append) == "ok"
    assert len(waits) == 2 and 0.5 <= waits[0] <= 1.0 and 1.0 <= waits[1] <= 2.0
    calls.clear()

    def missing():
        calls.append(1)
        raise FetchError("U903", "http://x/", status=404)

    assert _code(lambda: with_retries(missing, sleep=waits.append)).code == "U903"
    assert len(calls) == 1


def test_retry_after_is_honoured(web, client):
    waits: list[float] = []
    err = FetchError("U903", "http://x/", status=429, transient=True, retry_after=7.0)

    def busy():
        raise err

    with pytest.raises(FetchError):
        with_retries(busy, attempts=2, base=0.1, sleep=waits.append)
    assert waits == [7.0]


# --- readers ---------------------------------------------------------------------------------

def test_rss_atom_and_json_feed_items(web, client):
    site = web.site
    for path, kind, guid_of in [("/wire/rss.xml", "rss", "urn:{}"),
                                ("/ledger/atom.xml", "atom", "tag:ledger,{}"),
                                ("/voice/feed.json", "json", "voice/{}")]:
        response = client.get(web.url(path))
        feed = parse_feed(response.body, response.url, response.content_type)
        outlet = path.split("/")[1]
        assert feed.kind == kind
        assert [i.guid for i in feed.items] == [guid_of.format(s) for s in site.feeds[outlet]]
        assert [i.url for i in feed.items] == [site.page_url(s) for s in site.feeds[outlet]]
        first = site.pages[site.feeds[outlet][0]]
        assert feed.items[0].title == first.title
        assert feed.items[0].published == f"{first.date}T09:00:00+00:00"


def test_malformed_and_wrong_feeds_are_coded(web, client):
    for path in ("/bad/malformed.xml", "/bad/not-a-feed.xml", "/bad/entities.xml"):
        response = client.get(web.url(path))
        assert _code(lambda: parse_feed(response.body, response.url)).code == "U908"


def test_feed_bytes_are_never_taken_for_a_path_or_url(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss version='2.0'><channel><item><guid>leak</guid></item></channel></rss>")
    err = _code(lambda: parse_feed(str(secret).encode(), "http://x/feed"))
    assert err.code == "U908"


def test_json_feed_depth_is_bounded_in_linear_time():
    deep = b'{"version": "https://jsonfeed.org/version/1.1", "items": [' + b"[" * 100_000 \
        + b"]" * 100_000 + b"]}"
    start = time.monotonic()
    assert _code(lambda: parse_json_feed(deep, "http://x/")).code == "U908"
    assert time.monotonic() - start < 2.0
    assert json_depth(b'{"a": "[[[[[[", "b": [1, {"c": 2}]}') == 3
    assert _code(lambda: parse_json_feed(b'{"items": []}', "u")).code == "U908"
    assert _code(lambda: parse_json_feed(b'{"version": "https://jsonfeed.org/version/1"',
                                         "u")).code == "U908"


def test_sitemap_and_gzipped_sitemap(web, client):
    response = client.get(web.url("/sitemap.xml"))
    for body in (response.body, gzip.compress(response.body)):
        sitemap = parse_sitemap(body, response.url)
        assert sitemap.kind == "sitemap"
        assert [i.url for i in sitemap.items] == [web.site.page_url(s)
                                                  for s in sorted(web.site.pages)]
    index = (b"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap>"
             b"<loc>http://a/s1.xml</loc></sitemap></sitemapindex>")
    parsed = parse_sitemap(index, "http://a/")
    assert parsed.kind == "sitemapindex" and [i.url for i in parsed.items] == ["http://a/s1.xml"]


def test_sitemap_with_entities_or_external_dtd_is_refused():
    xxe = (b"<?xml version='1.0'?><!DOCTYPE u [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
           b"<urlset><url><loc>&x;</loc></url></urlset>")
    assert _code(lambda: parse_sitemap(xxe, "http://a/")).code == "U908"
    external = (b"<?xml version='1.0'?><!DOCTYPE urlset SYSTEM 'http://127.0.0.1:9/x.dtd'>"
                b"<urlset><url><loc>http://a/1</loc></url></urlset>")
    assert [i.url for i in parse_sitemap(external, "http://a/").items] == ["http://a/1"]
    assert _code(lambda: parse_sitemap(b"<urlset><url>", "http://a/")).code == "U908"


def test_feed_discovery_from_a_home_page(web, client):
    response = client.get(web.url("/"))
    assert discover_feeds(response.body, response.url) == [web.url("/wire/rss.xml"),
                                                           web.url("/ledger/atom.xml")]
    page = b"<base href='http://cdn.example/x/'><link rel='Alternate feed' " \
           b"type='application/feed+json' href='f.json'><link rel=alternate href=javascript:1 " \
           b"type=application/rss+xml>"
    assert discover_feeds(page, "http://a/") == ["http://cdn.example/x/f.json"]


def test_opml_import(web, client):
    response = client.get(web.url("/feeds.opml"))
    feeds = read_opml(response.body, "feeds.opml")
    assert [(f.url, f.title) for f in feeds] == [
        (web.url("/wire/rss.xml"), "Northgate Wire"), (web.url("/ledger/atom.xml"), "The Ledger"),
        (web.url("/voice/feed.json"), "Valley Voice")]
    assert _code(lambda: read_opml(b"<opml><body><outline", "f.opml")).code == "U908"


def test_article_page_extracted_by_trafilatura(web, client):
    slug = "wire-2024-03-05-reservoir-vote"
    response = client.get(web.site.page_url(slug))
    article = extract_page(response)
    page = web.site.pages[slug]
    assert article.title == page.title
    assert article.published == page.date
    assert article.source == "Northgate Wire"
    assert article.url == web.site.page_url(slug)
    assert article.text.split("\n")[0] == page.body.split("\n\n")[0]
    assert "Home" not in article.text and "(c)" not in article.text  # boilerplate left out
    assert extract_page(response, source="Wire", title="T").source == "Wire"


def test_a_page_with_no_text_is_coded(client):
    from unspun.fetch import Response
    empty = Response("http://a/", 200, {"content-type": "text/html"}, b"<html><body></body></html>")
    assert extract_page(empty).code == "U108"


def test_canonical_url_and_keys():
    assert canonical_url("HTTP://Example.COM:80/a?utm_source=x&id=3&fbclid=1#top") == \
        "http://example.com/a?id=3"
    assert canonical_url("https://example.com:8443") == "https://example.com:8443/"
    assert canonical_url("http://[::1]:8080/x") == "http://[::1]:8080/x"
    assert item_keys(7, "g1", "http://a/x?utm_medium=rss") == ["guid:7:g1", "url:http://a/x"]
    assert item_keys(7, None, None) == []
