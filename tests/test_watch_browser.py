"""The stories, story, sources and alerts pages in headless Chromium, over a database that
`watch` filled from the local web site: charts drawn, every span link landing on its text,
no injected markup running. Screenshots go to test-artifacts/ (watch-*.png)."""
from __future__ import annotations

import re

import pytest

import unspun
from test_server_api_support import evil_record, serve
from test_server_browser import browser, highlighted, own_host_only, page, shot  # noqa: F401
from webfixture import WebFixture

pytest.importorskip("feedparser")
ALLOW = {"127.0.0.1"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from unspun.alerts import add_alert
    from unspun.stories import assign
    from unspun.watch import WatchOptions, add_source, watch

    folder = tmp_path_factory.mktemp("watch-browser")
    db = str(folder / "news.db")
    with WebFixture() as web, unspun.open_store(db) as store:
        for path in ("/wire/rss.xml", "/ledger/", "/voice/feed.json", "/bad/dead-links.xml"):
            add_source(store, web.url(path), allow_private=ALLOW)
        add_alert(store, "reservoir news", "reservoir", filters={"source": ["The Ledger"]},
                  target_kind="file", target=str(folder / "alerts.jsonl"))
        web.site.override["/bad/dead-links.xml"] = "/bad/500"
        watch(store, once=True, options=WatchOptions(allow_private=ALLOW, delay=0.0))
        store.add([evil_record()])
        assign(store)
    with serve(db) as srv:
        yield srv


def story_ids(site) -> list[int]:
    html = site.get("/stories?sort=biggest").text
    return [int(m) for m in re.findall(r'href="/stories/(\d+)"', html)]


def test_stories_page_lists_biggest_first_and_filters_by_outlet(page, site):
    page.goto(site.url + "/stories?sort=biggest")
    first = page.locator("ol.stories > li").first
    assert "3 outlets" in first.inner_text()
    page.select_option("select[name=outlet]", "Valley Voice")
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"outlet=Valley"))
    items = page.locator("ol.stories > li")
    assert items.count() >= 1
    for i in range(items.count()):
        assert "Valley Voice" in items.nth(i).inner_text()
    shot(page, "watch-stories", full=True)
    assert page.problems == []
    own_host_only(page, site)


def test_story_page_compares_outlets_with_charts_and_span_links(page, site):
    biggest = story_ids(site)[0]
    page.goto(f"{site.url}/stories/{biggest}")
    for chart in ("chart-first", "chart-voice", "chart-speakers", "chart-tone"):
        page.wait_for_selector(f"#{chart} .main-svg")
    outlets = page.locator("section.outlet h2").all_inner_texts()
    assert {o.split(" first")[0] for o in outlets} == {"Northgate Wire", "The Ledger",
                                                       "Valley Voice"}
    shot(page, "watch-story", full=True)
    links = page.locator("a.span")
    assert links.count() >= 10
    # a quote, an example sentence and a technique: each opens its article at its text
    for selector in ("ol.quotes a.span", "ul.terms a.span", "ol.techniques a.span"):
        link = page.locator(selector).first
        expected = " ".join(link.inner_text().split())
        href = link.get_attribute("href")
        assert re.fullmatch(r"/articles/[^#]+#span=\d+-\d+", href)
        link.click()
        page.wait_for_url(re.compile("/articles/"))
        assert " ".join(highlighted(page).split()) == expected
        page.go_back()
    assert page.problems == []
    own_host_only(page, site)


def test_sources_page_shows_status_and_errors(page, site):
    page.goto(site.url + "/sources")
    rows = page.locator("tbody tr")
    assert rows.count() == 4
    text = page.locator("tbody").inner_text()
    assert text.count("ok") >= 3
    failing = page.locator("td.status-error")
    assert failing.count() == 1 and "U903" in failing.inner_text()
    assert "HTTP 500" in failing.inner_text()
    shot(page, "watch-sources", full=True)
    assert page.problems == []


def test_alerts_page_shows_each_match_once_linking_to_articles(page, site):
    page.goto(site.url + "/alerts")
    text = page.locator("section.alert").inner_text()
    assert "reservoir news" in text and "source: The Ledger" in text
    matches = page.locator("section.alert ol.hits > li")
    titles = matches.all_inner_texts()
    assert matches.count() == 2 and all("The Ledger" in t for t in titles)
    assert "alerts.jsonl" in text and "watch-browser" not in text  # the file, not its folder
    matches.first.locator("a").first.click()
    page.wait_for_url(re.compile("/articles/"))
    shot(page, "watch-alerts-article")
    page.go_back()
    shot(page, "watch-alerts", full=True)
    assert page.problems == []


def test_injected_markup_on_story_pages_never_runs(page, site):
    html = site.get("/stories").text
    ids = [int(m) for m in re.findall(r'href="/stories/(\d+)"', html)]
    for sid in ids:
        page.goto(f"{site.url}/stories/{sid}")
        page.wait_for_load_state("load")
    page.goto(site.url + "/stories")
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>" in page.locator("ol.stories").inner_text()  # shown as text
    assert page.problems == []
