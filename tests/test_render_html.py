"""The notebook's HTML view of a record: escaped like the web UI, the same spans as its page."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

import unspun
from test_server_api_support import EVIL_SOURCE, EVIL_SPEAKER, corpus, evil_record, serve
from unspun.record import Record

ALLOWED_TAGS = {"div", "span", "b", "small", "ul", "ol", "li", "q"}
ALLOWED_ATTRS = {"class", "style", "title", "data-s", "data-e", "data-q", "data-id"}


class Spans(HTMLParser):
    """Every tag and attribute, and the text spans (``data-s``) of the article body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.spans: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self._open: list[dict[str, str | None] | None] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, dict(a)))
        if tag == "span" and "data-s" in a:
            a["text"] = ""
            self.spans.append(a)
            self._open.append(a)
        elif tag != "meta" and tag != "link" and tag != "input" and tag != "br":
            self._open.append(None)

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        if self._open and self._open[-1] is not None:
            self._open[-1]["text"] += data


def parse(markup: str) -> Spans:
    p = Spans()
    p.feed(markup)
    p.close()
    return p


def hostile_record() -> Record:
    """The web tests' injection record plus control characters and a javascript: URL."""
    rec = evil_record()
    tail = " Bell\x07 and \x1b[31mred\x1b[0m and NUL\x00 and NEL\x85 end."
    base = len(rec.text)
    rec.text += tail
    red = rec.text.index("red\x1b")
    rec.entities.append({"id": "E2", "name": "red", "type": "ORG", "descriptions": [],
                         "mentions": [rec.span(red - 5, red + 3)]})
    rec.techniques.append({"label": "doubt", **rec.span(base + 1, base + 6), "voice": "author",
                           "score": 0.5, "evidence": "bell\x07<i>x</i>\x1b[2J"})
    rec.url = "javascript:alert(document.cookie)"
    rec.dateline = {"span": rec.span(0, 6), "place": {"text": "<b>Gotham</b>"},
                    "resolved_date": "2023-11-05", "agency": {"text": "<i>AP</i>"}}
    rec.agencies = [{"name": "<script>x()</script>", "kind": "wire", "role": "credit",
                     "span": None}]
    return rec


def test_hostile_text_is_escaped_and_inert():
    rec = hostile_record()
    out = unspun.render.html(rec)
    assert out == rec._repr_html_()
    p = parse(out)
    assert {t for t, _ in p.tags} <= ALLOWED_TAGS
    attrs = {k for _, a in p.tags for k in a}
    assert attrs <= ALLOWED_ATTRS  # no href, src, on* handlers: nothing can run or navigate
    assert "<script" not in out.lower() and "<img" not in out.lower() and "<svg" not in out
    assert "javascript:alert(document.cookie)" in out  # shown as text, never a link
    for ch in "\x00\x07\x1b\x85":
        assert ch not in out
    # the body spans give back the text, controls replaced by U+FFFD, offsets intact
    body = "".join(s["text"] for s in p.spans)
    cleaned = "".join("\ufffd" if ch in "\x00\x07\x1b\x85" else ch for ch in rec.text)
    assert body == cleaned
    for s in p.spans:
        a, b = int(s["data-s"]), int(s["data-e"])
        assert s["text"] == cleaned[a:b]
    # hover texts: label, voice and evidence, decoded exactly as written (escaped in the HTML)
    tips = [s["title"] for s in p.spans if s.get("title")]
    assert any('"><img src=x onerror="window.__pwned=7"> negative label' in t for t in tips)
    assert any(EVIL_SPEAKER in t and "</span><script>window.__pwned=8</script>" in t
               for t in tips)
    assert "doubt (author): bell\ufffd<i>x</i>\ufffd[2J" in tips
    assert EVIL_SOURCE.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") in out
    assert "&lt;b&gt;Gotham&lt;/b&gt;" in out and "&lt;i&gt;AP&lt;/i&gt;" in out


def test_several_records_make_one_page():
    recs = corpus()
    page = unspun.render.html(recs)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count('class="unspun-record"') == len(recs)
    assert '<meta charset="utf-8">' in page
    assert not unspun.render.html(recs[0]).startswith("<!DOCTYPE")
    assert unspun.render.html(recs[:1], page=False) == unspun.render.html(recs[0])


def _web_spans(page: str) -> list[tuple]:
    start = page.index('id="text"')
    end = page.index("<aside", start)
    p = parse("<div " + page[start:end])
    return [(int(s["data-s"]), int(s["data-e"]), s.get("class") or "", s.get("data-q"),
             s.get("data-tip"), s["text"]) for s in p.spans]


def _notebook_spans(markup: str) -> list[tuple]:
    return [(int(s["data-s"]), int(s["data-e"]), s.get("class") or "", s.get("data-q"),
             s.get("title"), s["text"]) for s in parse(markup).spans]


@pytest.mark.slow
def test_spans_equal_the_web_page(tmp_path):
    """For each record, the highlighted spans (offsets, quote colour, technique, entity, hover
    text) in the notebook HTML are those of the page `unspun serve` renders for it."""
    db = str(tmp_path / "news.db")
    recs = corpus()
    with unspun.open_store(db) as store:
        store.add(recs)
    with serve(db) as srv:
        for rec in recs:
            resp = srv.get(f"/articles/{rec.id}")
            assert resp.status_code == 200
            web = _web_spans(resp.text)
            mine = _notebook_spans(unspun.render.html(rec))
            assert any(c for _, _, c, *_ in web)  # something is highlighted
            assert mine == web


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(),
                    reason="Debian chromium not installed (apt-get install chromium)")
def test_hostile_page_runs_nothing_in_a_browser(tmp_path):
    """The page of hostile records in headless Chromium: no injected script runs, no request
    leaves the page, and the text reads as written."""
    sync_api = pytest.importorskip("playwright.sync_api")
    rec = hostile_record()
    path = tmp_path / "records.html"
    path.write_text(unspun.render.html([rec, *corpus()]), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        requests, dialogs = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.hover("span.t")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == [] and requests == [path.as_uri()]
        body = page.locator(".unspun-record .body").first.inner_text()
        assert "<script>window.__pwned=1</script>" in body
        browser.close()
