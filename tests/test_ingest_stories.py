"""`unspun ingest` and POST /api/articles assign stories and match alerts as they store
(the same transaction as the article), and can be told not to."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from test_server_api_support import serve

CORPUS = ROOT / "examples" / "corpus"
TOKEN = "t0ken-for-tests"


def unspun(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unspun", *args], capture_output=True,
                          text=True, timeout=600)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_ingest_assigns_stories_and_sends_alerts_as_it_stores(tmp_path):
    db, out = tmp_path / "news.db", tmp_path / "alerts.jsonl"
    done = unspun("alerts", "add", "vote", "reservoir", "--source", "Northgate Wire",
                  "--to-file", str(out), "--db", str(db))
    assert done.returncode == 0, done.stderr
    done = unspun("ingest", str(CORPUS), "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr
    assert "alerts: 2 sent" in done.stderr
    articles = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert articles == len(list(CORPUS.glob("*.txt")))
    assert rows(db, "SELECT count(*) FROM story_articles")[0][0] == articles
    # the three outlets' reservoir-vote articles are one story
    votes = rows(db, "SELECT count(DISTINCT sa.story_id) FROM story_articles sa JOIN articles a "
                     "ON a.id = sa.article_id WHERE a.input LIKE '%reservoir-vote%'")
    assert votes == [(1,)]
    sent = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert sorted(s["article"]["title"] for s in sent) == sorted(
        t for (t,) in rows(db, "SELECT title FROM articles WHERE source = 'Northgate Wire' "
                               "AND input LIKE '%reservoir%'"))
    again = unspun("ingest", str(CORPUS), "--db", str(db), "--quiet")
    assert again.returncode == 0 and "alerts" not in again.stderr
    assert len(out.read_text("utf-8").splitlines()) == 2


def test_ingest_no_stories_leaves_them_to_unspun_stories(tmp_path):
    db = tmp_path / "news.db"
    done = unspun("ingest", str(CORPUS), "--db", str(db), "--quiet", "--no-stories")
    assert done.returncode == 0, done.stderr
    assert rows(db, "SELECT count(*) FROM story_articles") == [(0,)]
    assert unspun("stories", "--db", str(db), "--format", "json").returncode == 0
    assert rows(db, "SELECT count(*) FROM story_articles")[0][0] == len(list(
        CORPUS.glob("*.txt")))


def test_posted_articles_get_stories_and_alerts(tmp_path):
    db, out = tmp_path / "news.db", tmp_path / "alerts.jsonl"
    assert unspun("alerts", "add", "all-voice", "--source", "Valley Voice", "--to-file",
                  str(out), "--db", str(db)).returncode == 0
    texts = sorted(CORPUS.glob("voice-*.txt"))[:2]
    articles = []
    for path in texts:
        head, _, body = path.read_text("utf-8").partition("\n\n")
        fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        articles.append({"text": body, "title": fields["title"], "source": fields["source"],
                         "published": head.splitlines()[0].split()[1]})
    with serve(str(db), token=TOKEN) as srv:
        res = srv.post("/api/articles", json={"articles": articles},
                       headers={"Authorization": f"Bearer {TOKEN}"})
        assert res.status_code == 201, res.text
        ids = res.json()["added"]
        assert len(ids) == 2
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (
                out.exists() and len(out.read_text("utf-8").splitlines()) == 2):
            time.sleep(0.2)
        page = srv.get(f"/articles/{ids[0]}").text
    assert rows(db, "SELECT count(*) FROM story_articles") == [(2,)]
    assert sorted(json.loads(x)["article"]["id"] for x in out.read_text("utf-8").splitlines()) \
        == sorted(ids)
    assert 'href="/stories/' in page  # the article page links to its story
