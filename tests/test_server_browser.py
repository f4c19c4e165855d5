"""The web pages in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Search, open an article, check that spans are highlighted at the right text, hover a
technique for its evidence, follow a speaker, check that the charts render, and that
injected markup in articles never runs.  Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import unspun
from conftest import ROOT
from test_server_api_support import EVIL_SPEAKER, corpus, evil_record, serve

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"),
                                reason="Debian chromium not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def site(tmp_path_factory, seed_record):
    db = str(tmp_path_factory.mktemp("browser") / "news.db")
    with unspun.open_store(db) as store:
        store.add(corpus() + [seed_record])
    with serve(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM,
            headless=True, args=FLAGS, viewport={"width": 1280, "height": 900})
        yield ctx
        ctx.close()


@pytest.fixture
def page(browser, site):
    """A fresh tab that records script errors, dialogs and every host it contacts."""
    pg = browser.new_page()
    pg.set_viewport_size({"width": 1280, "height": 900})
    pg.problems, pg.hosts = [], set()
    pg.on("pageerror", lambda e: pg.problems.append(f"error: {e}"))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: pg.hosts.add(urlsplit(r.url).netloc))
    yield pg
    pg.close()


def highlighted(pg) -> str:
    """The text the permalink highlights (CSS Custom Highlight API), as the browser has it."""
    pg.wait_for_function("CSS.highlights.has('permalink')")
    return pg.evaluate("[...CSS.highlights.get('permalink')].map(r => r.toString()).join('')")


def shot(pg, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def own_host_only(pg, site) -> None:
    assert pg.hosts <= {urlsplit(site.url).netloc}, pg.hosts


def test_search_with_facets_opens_article_with_spans_at_the_right_text(page, site):
    page.goto(site.url + "/")
    page.fill("#q", "budget")
    page.press("#q", "Enter")
    page.wait_for_selector(".hit")
    assert page.locator(".hit").count() == 2
    assert {m.lower() for m in page.locator(".hit mark").all_inner_texts()} == {"budget"}
    page.select_option("select[name=source]", "Gotham Gazette")
    page.click("button[type=submit]")
    page.wait_for_selector(".hit")
    assert page.locator(".hit").count() == 1
    shot(page, "search")
    page.click(".hit a.title")
    page.wait_for_selector("#text")
    rec = corpus()[2]
    assert page.locator("h1").inner_text() == rec.title
    content = rec.quotes[0]["content"]
    assert "".join(page.locator('#text .q[data-q="Q1"]').all_inner_texts()) == content["text"]
    assert "".join(page.locator("#text .t").all_inner_texts()) == rec.techniques[0]["text"]
    assert page.locator("#text .ent").all_inner_texts() == ["Lois Lane"]
    # the text on screen is the stored text, character for character
    assert page.eval_on_selector("#text", "e => e.textContent") == rec.text
    # hovering a technique shows its label and evidence
    page.hover("#text .t")
    tip = page.eval_on_selector("#text .t", "e => getComputedStyle(e, '::after').content")
    assert "doubt" in tip and "negative label" in tip and "author" in tip
    shot(page, "article-hover")
    # a permalink to a span highlights exactly that text
    page.goto(site.url + f"/articles/{rec.id}#span={content['start']}-{content['end']}")
    assert highlighted(page) == content["text"]
    # selecting text offers a permalink to exactly that span
    page.evaluate("""() => { const el = document.querySelector('#text .q'); const r = new Range();
        r.setStart(el.firstChild, 4); r.setEnd(el.firstChild, 10);
        const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); }""")
    page.wait_for_selector("#spanlink:not([hidden])")
    a, b = content["start"] + 4, content["start"] + 10
    assert page.get_attribute("#spanlink a", "href") == f"#span={a}-{b}"
    # any span, even one cutting through words, is highlighted exactly
    page.evaluate("CSS.highlights.clear()")
    page.goto(site.url + f"/articles/{rec.id}#span=3-15")
    assert highlighted(page) == rec.text[3:15]
    # and the speaker link leads to what they said, in each outlet
    page.click(".speakers a:has-text('Lois Lane')")
    page.wait_for_selector(".quotes li")
    assert page.locator("h1").inner_text() == "Lois Lane"
    said = page.locator(".quotes blockquote").all_inner_texts()
    assert sorted(said) == ["the bridge will open in May",
                            "the budget is a mess"]
    shot(page, "speaker")
    assert page.problems == []
    own_host_only(page, site)


def test_real_article_view(page, site, seed_record):
    page.goto(site.url + f"/articles/{seed_record.id}")
    page.wait_for_selector("#text")
    assert page.eval_on_selector("#text", "e => e.textContent") == seed_record.text
    if seed_record.dateline:  # the dateline on top, linking to its span in the text
        assert seed_record.dateline["span"]["text"] in page.locator(".facts").inner_text()
        page.click(".facts a")
        assert highlighted(page) == seed_record.dateline["span"]["text"]
    for q in seed_record.quotes[:5]:
        shown = "".join(page.locator(f'#text .q[data-q="{q["id"]}"]').all_inner_texts())
        assert shown == q["content"]["text"]
    assert page.locator(".techniques li").count() == len(seed_record.techniques)
    shot(page, "article-real", full=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "article-real-phone")
    assert page.problems == []


def test_charts_render_from_the_local_library(page, site, seed_record):
    page.goto(site.url + "/outlets")
    page.wait_for_selector("#chart-frames .main-svg")
    for chart in ("#chart-time", "#chart-voice", "#chart-frames"):
        assert page.locator(f"{chart} .main-svg").count() >= 1
    assert page.locator("#chart-voice .bars path").count() >= 2  # bars drawn for the outlets
    outlets = {r.source or "(unknown)" for r in corpus() + [seed_record]}
    assert page.locator("#chart-time .scatterlayer .trace").count() == len(outlets)
    shot(page, "outlets", full=True)
    page.goto(site.url + "/outlets/Daily Planet")
    page.wait_for_selector("#chart-labels .main-svg")
    assert page.locator("#chart-labels .bars path").count() >= 2
    shot(page, "outlet")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_selector("#chart-time .main-svg")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "outlet-phone", full=True)
    assert page.problems == []
    own_host_only(page, site)


def test_injected_markup_never_runs(page, site):
    evil = evil_record()
    page.goto(site.url + f"/articles/{evil.id}")
    page.wait_for_selector("#text")
    assert page.eval_on_selector("#text", "e => e.textContent") == evil.text
    assert "<script>window.__pwned=5</script>" in page.locator("h1").inner_text()
    page.hover("#text .t >> nth=0")
    page.focus("#text .t >> nth=1")
    shot(page, "injection-article")
    visits = ["/?q=markup", "/?q=disgrace&kind=quote", "/who?name=Mallory", "/outlets",
              "/outlets/" + evil.source, "/api/docs"]
    for path in visits:
        page.goto(site.url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("script:not([src]):not([type='application/json'])").count() == 0
    # chart labels show the outlet's name as typed (Plotly would read <b>, <a> tags in it)
    page.goto(site.url + "/outlets")
    page.wait_for_selector("#chart-time .legendtext")
    assert evil.source in page.locator("#chart-time .legendtext").all_text_contents()
    page.goto(site.url + "/who?name=Mallory")
    assert EVIL_SPEAKER in page.locator("h1 + p, .quotes").first.inner_text() or \
        EVIL_SPEAKER in page.content().replace("&lt;", "<").replace("&gt;", ">")
    assert page.problems == []
    own_host_only(page, site)


def test_keyboard_and_labels(page, site):
    page.goto(site.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    for field in ("q", "kind"):
        assert page.locator(f"label[for={field}]").count() == 1
    unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, select')]
        .filter(e => e.type !== 'hidden' && !e.closest('label') &&
                !document.querySelector('label[for="' + e.id + '"]')).length""")
    assert unlabeled == 0
    rec = corpus()[0]
    page.goto(site.url + f"/articles/{rec.id}")
    page.focus("#text .t")
    tip = page.eval_on_selector("#text .t", "e => getComputedStyle(e, '::after').content")
    assert "loaded_language" in tip
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + "/?q=bridge")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "search-phone", full=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url + "/api/docs")
    assert page.get_by_text("/api/articles/{article_id}", exact=False).count() >= 1
    shot(page, "api-docs")
    assert page.problems == []
    own_host_only(page, site)
