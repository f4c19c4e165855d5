"""`unspun sources` and `unspun watch` end to end, as a user runs them, against a real local
web site (tests/webfixture.py): every article stored once with its story, 304s on the next
round, a new item stored and alerted exactly once, moved and repeated items skipped, and
kill -9 in the middle of a round losing nothing."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from webfixture import FEED_PATHS, WebFixture

pytest.importorskip("feedparser")
ALLOW = ["--allow-private", "127.0.0.1"]


def unspun(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unspun", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout)


def ok(*args: str) -> subprocess.CompletedProcess:
    res = unspun(*args)
    assert res.returncode == 0, res.stderr + res.stdout
    return res


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def add_three(web: WebFixture, db: Path) -> None:
    """The wire's RSS, the ledger's home page (its Atom feed is discovered), the voice's JSON."""
    ok("sources", "add", web.url("/wire/rss.xml"), "--db", str(db), *ALLOW)
    ok("sources", "add", web.url("/ledger/"), "--db", str(db), "--every", "10m", *ALLOW)
    ok("sources", "add", web.url("/voice/feed.json"), "--db", str(db), *ALLOW)


def published_urls(web: WebFixture) -> list[str]:
    return sorted(web.site.page_url(s) for feed in web.site.feeds.values() for s in feed)


def test_sources_add_list_pause_remove_and_import(tmp_path):
    db = tmp_path / "w.db"
    with WebFixture() as web:
        refused = unspun("sources", "add", web.url("/wire/rss.xml"), "--db", str(db))
        assert refused.returncode == 1 and "U902" in refused.stderr
        assert "--allow-private 127.0.0.1" in refused.stderr
        nofeed = unspun("sources", "add", web.url("/articles/wire-2024-02-27-rail.html"),
                        "--db", str(db), *ALLOW)
        assert nofeed.returncode == 1 and "U912" in nofeed.stderr
        bad = unspun("sources", "add", web.url("/wire/rss.xml"), "--every", "soon", "--db",
                     str(db), *ALLOW)
        assert bad.returncode == 2 and "U910" in bad.stderr
        add_three(web, db)
        listed = json.loads(ok("sources", "list", "--db", str(db), "--format", "json").stdout)
        assert [(s["feed_url"], s["kind"], s["name"]) for s in listed] == [
            (web.url("/wire/rss.xml"), "rss", "Northgate Wire"),
            (web.url("/ledger/atom.xml"), "atom", "The Ledger"),
            (web.url("/voice/feed.json"), "json", "Valley Voice")]
        assert [s["every_seconds"] for s in listed] == [900, 600, 900]
        # the same feed again (by its own URL) is not a second source
        ok("sources", "add", web.url("/ledger/atom.xml"), "--db", str(db), *ALLOW)
        assert len(rows(db, "SELECT id FROM watch_sources")) == 3
        ok("sources", "pause", "2", "--db", str(db))
        assert rows(db, "SELECT paused FROM watch_sources WHERE id = 2") == [(1,)]
        ok("sources", "pause", web.url("/ledger/"), "--resume", "--db", str(db))
        assert rows(db, "SELECT paused FROM watch_sources WHERE id = 2") == [(0,)]
        ok("sources", "remove", "3", "--db", str(db))
        missing = unspun("sources", "remove", "3", "--db", str(db))
        assert missing.returncode == 1 and "U911" in missing.stderr
        # OPML: the wire and ledger are followed already, the voice is added again
        opml = tmp_path / "feeds.opml"
        opml.write_text(web.site.opml(), "utf-8")
        res = ok("sources", "import", str(opml), "--db", str(db), *ALLOW)
        assert "imported 3 of 3 feeds" in res.stdout
        assert sorted(r[0] for r in rows(db, "SELECT feed_url FROM watch_sources")) == sorted(
            web.url(p) for p in FEED_PATHS.values())


def test_watch_once_stores_each_article_once_then_304_then_only_new_items(tmp_path):
    db = tmp_path / "w.db"
    alerts = tmp_path / "alerts.jsonl"
    with WebFixture() as web:
        add_three(web, db)
        ok("alerts", "add", "outages", "electricity", "--to-file", str(alerts), "--db", str(db))
        first = ok("watch", "--once", "--db", str(db), *ALLOW, "--delay", "0")
        assert "stored 9" in first.stderr
        stored = rows(db, "SELECT url, source FROM articles ORDER BY url")
        assert [u for u, _ in stored] == published_urls(web)  # every article, once
        assert {s for _, s in stored} == {"Northgate Wire", "The Ledger", "Valley Voice"}
        assert rows(db, "SELECT count(*) FROM story_articles")[0][0] == 9  # all have stories
        # the reservoir vote was covered by all three outlets: one story
        vote = rows(db, "SELECT count(DISTINCT sa.story_id), count(*) FROM story_articles sa "
                        "JOIN articles a ON a.id = sa.article_id WHERE a.url LIKE ?",
                    ("%reservoir-vote%",))
        assert vote == [(1, 3)]
        assert all(h["user-agent"].startswith("unspun/") for _, h in web.site.requests)
        assert web.site.hits("/robots.txt")["/robots.txt"] >= 1

        # round 2: the feeds are unchanged and answer 304; nothing is fetched or stored
        pages_before = sum(web.site.hits("/articles/").values())
        second = ok("watch", "--once", "--all", "--db", str(db), *ALLOW, "--delay", "0")
        assert "304: 3" in second.stderr and "stored 0" in second.stderr
        assert sum(web.site.hits("/articles/").values()) == pages_before
        feed_asks = [h for p, h in web.site.requests if p in FEED_PATHS.values()][-3:]
        assert all("if-none-match" in h for h in feed_asks)
        assert rows(db, "SELECT count(*) FROM articles")[0][0] == 9
        assert not alerts.exists()  # no stored article mentions electricity

        # round 3: the voice publishes its storm story: stored once, alerted once
        slug = web.site.add_item("voice")
        third = ok("watch", "--once", "--all", "--db", str(db), *ALLOW, "--delay", "0")
        assert "304: 2" in third.stderr and "stored 1" in third.stderr
        assert rows(db, "SELECT url FROM articles WHERE url = ?", (web.site.page_url(slug),))
        sent = [json.loads(line) for line in alerts.read_text("utf-8").splitlines()]
        assert [(a["alert"], a["article"]["url"]) for a in sent] == [
            ("outages", web.site.page_url(slug))]

        # round 4: the wire moves its items to new URLs under the same GUIDs; a second
        # source repeats the wire's items (each twice): nothing new is stored or alerted
        web.site.moved = True
        ok("sources", "add", web.url("/bad/repeat.xml"), "--db", str(db), *ALLOW)
        fourth = ok("watch", "--once", "--all", "--db", str(db), *ALLOW, "--delay", "0")
        assert "stored 0" in fourth.stderr and "new items 0" in fourth.stderr
        assert rows(db, "SELECT count(*) FROM articles")[0][0] == 10
        assert not any("from=moved" in p for p in web.site.hits("/articles/"))
        assert len(alerts.read_text("utf-8").splitlines()) == 1
        listed = json.loads(ok("alerts", "list", "--db", str(db), "--format", "json").stdout)
        assert [(a["name"], a["matches"], a["pending"]) for a in listed] == [("outages", 1, 0)]


def test_kill_9_mid_round_then_once_stores_every_article_exactly_once(tmp_path):
    db = tmp_path / "w.db"
    with WebFixture() as web:
        add_three(web, db)
        # half a second between pages of the one host keeps the round going for seconds
        proc = subprocess.Popen([sys.executable, "-m", "unspun", "watch", "--once", "--db",
                                 str(db), *ALLOW, "--delay", "0.5"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        at_kill = 0
        deadline = time.monotonic() + 240
        try:
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    at_kill = rows(db, "SELECT count(*) FROM articles")[0][0]
                except sqlite3.OperationalError:  # tables not created yet
                    at_kill = 0
                if at_kill >= 2:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
                time.sleep(0.05)
        finally:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        assert proc.returncode == -signal.SIGKILL
        assert 2 <= at_kill < 9, "the round ended before it could be killed"
        ok("watch", "--once", "--db", str(db), *ALLOW, "--delay", "0")
        urls = [r[0] for r in rows(db, "SELECT url FROM articles ORDER BY url")]
        assert urls == published_urls(web)
        # each article has its keys and its story, once
        assert rows(db, "SELECT count(*), count(DISTINCT article_id) FROM story_articles") == \
            [(9, 9)]
        keyed = rows(db, "SELECT count(DISTINCT article_id) FROM watch_items "
                         "WHERE article_id IS NOT NULL")
        assert keyed == [(9,)]
        orphans = rows(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM "
                           "watch_items w WHERE w.article_id = a.id)")
        assert orphans == [(0,)]


def test_watch_loops_on_due_times_and_stops_cleanly_on_sigterm(tmp_path):
    db = tmp_path / "w.db"
    log = tmp_path / "watch.log"

    def count() -> int:
        try:
            return rows(db, "SELECT count(*) FROM articles")[0][0]
        except sqlite3.OperationalError:
            return 0

    def wait_for(n: int, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while count() < n and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert count() == n, log.read_text()

    with WebFixture() as web:
        ok("sources", "add", web.url("/wire/rss.xml"), "--every", "10s", "--db", str(db), *ALLOW)
        with open(log, "w") as err:
            proc = subprocess.Popen([sys.executable, "-m", "unspun", "watch", "--db", str(db),
                                     *ALLOW, "--delay", "0"], stderr=err,
                                    stdout=subprocess.DEVNULL)
            try:
                wait_for(3, 180)
                web.site.add_item("wire")
                wait_for(4, 60)  # the next round, when the source is due again
                proc.send_signal(signal.SIGTERM)
                assert proc.wait(60) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
        rounds = [line for line in log.read_text().splitlines() if "sources due" in line]
        assert len(rounds) >= 2 and "stored 3" in rounds[0]
        assert any("stored 1" in line for line in rounds[1:])
        assert [r[0] for r in rows(db, "SELECT url FROM articles ORDER BY url")] == \
            sorted(web.site.page_url(s) for s in web.site.feeds["wire"])


def test_two_watchers_at_once_store_each_article_once(tmp_path):
    db = tmp_path / "w.db"
    with WebFixture() as web:
        add_three(web, db)
        procs = [subprocess.Popen([sys.executable, "-m", "unspun", "watch", "--once", "--db",
                                   str(db), *ALLOW, "--delay", "0"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for proc in procs:
            _, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err
        assert [r[0] for r in rows(db, "SELECT url FROM articles ORDER BY url")] == \
            published_urls(web)
        assert rows(db, "SELECT count(*), count(DISTINCT article_id) FROM story_articles") == \
            [(9, 9)]
