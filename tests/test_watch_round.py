"""Watch rounds in-process against the local web site: per-source error state and backoff,
bad pages, sitemaps in capped rounds, and stopping mid-round."""
from __future__ import annotations

import datetime as dt
import sys
import threading

import pytest

from unspun.store import open_store
from unspun.watch import WatchOptions, add_source, get_source, watch
from unspun.watch.runner import default_analyzer
from test_store_support import target  # noqa: F401 - the fixture: SQLite and PostgreSQL
from webfixture import WebFixture

pytest.importorskip("feedparser")
ALLOW = {"127.0.0.1"}


@pytest.fixture(scope="module")
def analyze():
    return default_analyzer()


@pytest.fixture
def web():
    with WebFixture() as fixture:
        yield fixture


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "w.db") as s:
        yield s


def one_round(store, analyze, **options):
    opts = WatchOptions(allow_private=ALLOW, delay=0.0, all_sources=True, timeout=2.0,
                        attempts=2, backoff=0.05, **options)
    return watch(store, once=True, options=opts, analyze=analyze)[0]


def due_in(source: dict) -> float:
    due = dt.datetime.fromisoformat(source["due_at"])
    return (due - dt.datetime.now(dt.timezone.utc)).total_seconds()


def test_failing_source_records_its_error_and_backs_off_then_recovers(web, store, analyze):
    add_source(store, web.url("/wire/rss.xml"), allow_private=ALLOW, every=600)
    web.site.override["/wire/rss.xml"] = "/bad/500"
    before = web.site.hits("/wire/rss.xml")["/wire/rss.xml"]
    stats = one_round(store, analyze)
    assert (stats.failed, stats.stored) == (1, 0)
    src = get_source(store, 1)
    assert (src["error_code"], src["failures"], src["last_status"]) == ("U903", 1, 500)
    assert "HTTP 500" in src["error"]
    assert 590 < due_in(src) <= 600
    assert web.site.hits("/wire/rss.xml")["/wire/rss.xml"] - before == 2  # attempts=2
    one_round(store, analyze)
    src = get_source(store, 1)
    assert src["failures"] == 2 and 1190 < due_in(src) <= 1200  # twice the interval
    for bad, code in (("/bad/malformed.xml", "U908"), ("/loop/a", "U905"),
                      ("/bad/entities.xml", "U908")):
        web.site.override["/wire/rss.xml"] = bad
        one_round(store, analyze)
        assert get_source(store, 1)["error_code"] == code
    web.site.override.clear()
    stats = one_round(store, analyze)
    src = get_source(store, 1)
    assert stats.stored == 3 and src["error_code"] is None and src["failures"] == 0
    assert src["etag"] and 590 < due_in(src) <= 600


def test_a_feed_that_never_finishes_times_out_and_the_round_goes_on(web, store, analyze):
    add_source(store, web.url("/wire/rss.xml"), allow_private=ALLOW)
    add_source(store, web.url("/voice/feed.json"), allow_private=ALLOW)
    web.site.override["/wire/rss.xml"] = "/bad/slow"
    stats = one_round(store, analyze, workers=2)
    assert (stats.failed, stats.stored) == (1, 3)
    assert get_source(store, 1)["error_code"] == "U906"


def test_bad_pages_are_recorded_and_retried_a_bounded_number_of_times(web, store, analyze):
    add_source(store, web.url("/bad/dead-links.xml"), allow_private=ALLOW)
    stats = one_round(store, analyze)
    assert (stats.new, stats.stored, stats.page_errors) == (4, 1, 3)
    codes = dict(store._fetch("SELECT url, error_code FROM watch_items WHERE key LIKE 'url:%' "
                              "AND error_code IS NOT NULL"))
    assert codes == {web.url("/bad/404"): "U903", web.url("/private/secret.html"): "U907",
                     web.url("/bad/huge"): "U904"}
    assert {e["code"] for e in store.errors()} == {"U903", "U907", "U904"}
    assert web.site.hits("/private/")["/private/secret.html"] == 0  # robots.txt obeyed
    # the 404 may be a page not published yet: tried again (the feed is refetched in full,
    # not 304, while an item is pending), up to three times in all; the others never again
    for _ in range(3):
        one_round(store, analyze)
    assert web.site.hits("/bad/404")["/bad/404"] == 3  # a 404 is not retried within a round
    assert web.site.hits("/bad/huge")["/bad/huge"] == 1
    assert store.count() == 1


def test_sitemap_source_in_capped_rounds(web, store, analyze):
    add_source(store, web.url("/sitemap.xml"), allow_private=ALLOW, every=3600)
    assert get_source(store, 1)["kind"] == "sitemap"
    rounds = [one_round(store, analyze, max_items=5) for _ in range(4)]
    assert [r.stored for r in rounds] == [5, 5, 2, 0]
    assert rounds[-1].not_modified == 1
    assert store.count() == len(web.site.pages)
    src = get_source(store, 1)
    assert src["etag"] and src["articles"] == 12  # validators kept once a round is complete
    assert 3590 < due_in(src) <= 3600


def test_stop_mid_round_keeps_what_is_stored_and_leaves_the_rest_due(web, store, analyze):
    add_source(store, web.url("/wire/rss.xml"), allow_private=ALLOW)
    stop = threading.Event()
    stored: list[str] = []

    def on_stored(tx, record, source):
        stored.append(record.id)
        stop.set()  # as a Ctrl-C right after the first article

    opts = WatchOptions(allow_private=ALLOW, delay=0.3, all_sources=True)
    stats = watch(store, once=True, options=opts, analyze=analyze, on_stored=[on_stored],
                  stop=stop)[0]
    assert stats.interrupted and stats.stored == 1 and store.count() == 1
    src = get_source(store, 1)
    assert src["etag"] is None and due_in(src) <= 0  # due again, fetched in full
    stats = one_round(store, analyze)
    assert stats.stored == 2 and store.count() == 3


def test_rounds_store_once_with_stories_and_alerts_on_both_backends(target, analyze):
    from unspun.alerts import add_alert, list_alerts

    with WebFixture() as web, open_store(target) as store:
        for path in ("/wire/rss.xml", "/ledger/", "/voice/feed.json"):
            add_source(store, web.url(path), allow_private=ALLOW)
        add_alert(store, "votes", "reservoir", filters={"source": ["Valley Voice"]},
                  target_kind="command", target=f"{sys.executable} -c 'import sys; sys.stdin.read()'")
        add_alert(store, "wide", min_outlets=3, target_kind="command",
                  target=f"{sys.executable} -c 'import sys; sys.exit(3)'")
        first = one_round(store, analyze)
        assert (first.stored, first.failed) == (9, 0) and store.count() == 9
        assert store._fetch("SELECT count(*) FROM story_articles")[0][0] == 9
        second = one_round(store, analyze)
        assert (second.not_modified, second.stored) == (3, 0)
        alerts = {a["name"]: a for a in list_alerts(store)}
        assert (alerts["votes"]["matches"], alerts["votes"]["pending"]) == (2, 0)
        # the failing command keeps its one match pending, tried again after each round
        assert (alerts["wide"]["matches"], alerts["wide"]["pending"]) == (1, 1)
        assert store._fetch("SELECT attempts FROM alert_matches m JOIN alerts a ON "
                            "a.id = m.alert_id WHERE a.name = 'wide'")[0][0] == 2


def test_hosts_allowed_when_a_source_was_added_are_allowed_when_it_is_watched(web, store,
                                                                               analyze):
    add_source(store, web.url("/wire/rss.xml"), allow_private=ALLOW)
    opts = WatchOptions(delay=0.0)  # watch itself allows no private host
    stats = watch(store, once=True, options=opts, analyze=analyze)[0]
    assert (stats.failed, stats.stored) == (0, 3)
    assert web.site.hits("/robots.txt")["/robots.txt"] == 1  # read once for the round
