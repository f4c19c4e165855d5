"""A stored article whose title, source and speaker carry <script>, javascript: URLs and ANSI
codes: in headless Chromium no script runs and no raw control character is shown, the API
JSON keeps the exact text, and the CLI prints it escaped."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import unspun
from unspun.record import Record
from test_server_api_support import serve

from .conftest import run_cli

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"),
                                reason="Debian chromium not installed (apt-get install chromium)")

ANSI = "\x1b[2J\x1b[H\x1b]0;PWNED\x07\x1b]8;;javascript:window.__pwned=30\x1b\\link\x1b]8;;\x1b\\"
TITLE = f"<script>window.__pwned=31</script> {ANSI} Title"
SOURCE = f"javascript:window.__pwned=32 \x1b[31mRed<b>Outlet</b>"
SPEAKER = f"<script>window.__pwned=33</script>\x1b[5m Mallory"
URL = "javascript:window.__pwned=34"


def hostile_record() -> Record:
    opener = f"Talks went on \x1b[2J today [/oops] <img src=x onerror=window.__pwned=35>. "
    said = "the \x1b]0;T\x07 deal is done"
    text = f'{opener}{SPEAKER} said "{said}." The end.'
    rec = Record(text=text, published="2024-05-06", source=SOURCE, title=TITLE, url=URL)
    s0 = len(opener)
    c0 = text.index(said)
    rec.entities = [{"id": "E1", "name": SPEAKER, "type": "PERSON", "descriptions": [],
                     "mentions": [rec.span(s0, s0 + len(SPEAKER))]}]
    rec.quotes = [{"id": "Q1", "kind": "direct",
                   "speaker": {"entity": "E1", "name": SPEAKER, **rec.span(s0, s0 + len(SPEAKER))},
                   "cue": None, "content": rec.span(c0, c0 + len(said))}]
    rec.voice = [{**rec.span(0, s0), "voice": "author"},
                 {**rec.span(c0, c0 + len(said)), "voice": "Q1"}]
    return rec


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("hostile-browser") / "news.db")
    rec = hostile_record()
    with unspun.open_store(db) as store:
        store.add([rec])
    return db, rec


def test_pages_api_and_cli_with_hostile_metadata(stored, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    db, rec = stored
    with serve(db) as site, sync_api.sync_playwright() as p:
        api = site.get(f"/api/articles/{rec.id}").json()
        assert (api["title"], api["source"], api["url"], api["text"]) == \
            (TITLE, SOURCE, URL, rec.text)
        assert api["quotes"][0]["speaker"]["name"] == SPEAKER
        hits = site.get("/api/search", params={"q": "talks"}).json()["items"]
        assert hits and hits[0]["title"] == TITLE and hits[0]["source"] == SOURCE

        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            page = ctx.new_page()
            problems: list[str] = []
            page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: problems.append(str(e)))
            for path in (f"/articles/{rec.id}", "/?q=talks", "/who?name=Mallory", "/outlets",
                         "/?kind=quote&q=deal"):
                page.goto(site.url + path)
                page.wait_for_load_state("networkidle")
                assert page.evaluate("window.__pwned === undefined"), path
                body = page.evaluate("document.body.innerText")
                title = page.evaluate("document.title")
                for raw in ("\x1b", "\x07", "\x9b"):
                    assert raw not in body and raw not in title, (path, raw)
                inline = "script:not([src]):not([type='application/json'])"
                assert page.evaluate(f'document.querySelectorAll("{inline}").length') == 0
                hrefs = page.evaluate("[...document.querySelectorAll('[href]')]"
                                      ".map(a => a.getAttribute('href'))")
                assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")]
            page.goto(site.url + f"/articles/{rec.id}")
            body = page.evaluate("document.body.innerText")
            assert "<script>window.__pwned=31</script>" in body and "␛[2J" in body
            assert "Mallory" in body
            assert not problems, problems
        finally:
            ctx.close()

    got = run_cli("search", "talks", "--db", db)
    assert got.returncode == 0 and "\x1b" not in got.stdout and "\x07" not in got.stdout
    assert "␛" in got.stdout and "<script>" in got.stdout  # shown, harmless on a terminal
    who = run_cli("who", "Mallory", "--db", db)
    assert who.returncode == 0 and "\x1b" not in who.stdout and "␛[5m Mallory" in who.stdout
    as_json = json.loads(run_cli("search", "talks", "--db", db, "--format", "json").stdout)
    assert as_json[0]["title"] == TITLE and as_json[0]["source"] == SOURCE
