"""Ingest with real processes and real files: resume, kill -9, concurrency, bad databases."""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import unspun
from unspun.ingest import estimate_total, ingest
from unspun.store import StoreError

from test_store_support import target  # noqa: F401  (fixture)

CITIES = ["Lyon", "Porto", "Ghent", "Turku", "Split", "Brno", "Cork", "Graz"]


def write_corpus(folder: Path, n: int, start: int = 0) -> Path:
    """``n`` short, distinct articles as text files with date/source headers, and one bad file."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        city = CITIES[i % len(CITIES)]
        (folder / f"a{i:04d}.txt").write_text(
            f"date 2023-{1 + i % 12:02d}-{1 + i % 28:02d}\nsource: Outlet {i % 3}\n"
            f"title: Bridge {i} in {city}\n\n"
            f"{city.upper()} — The council of {city} approved bridge number {i} on Monday. "
            f'"This bridge will change the city," said Mayor Anna Berg, who backed plan {i}. '
            f"Opponents called the project number {i} a reckless waste of money.\n",
            encoding="utf-8")
    return folder


def run_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unspun", *args], capture_output=True,
                          text=True, timeout=600, **kw)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ingest_stores_records_errors_and_skips_on_rerun(target, tmp_path):
    corpus = write_corpus(tmp_path / "in", 6)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    (corpus / "blob.bin").write_bytes(b"\x00\x01")  # another type: skipped, counted
    assert estimate_total([str(corpus)]) == 7
    with unspun.open_store(target) as store:
        first = ingest([str(corpus)], store, batch_size=4)
        assert (first.added, first.skipped, first.failed) == (6, 0, 1)
        assert first.inputs.other_types == 1
        assert "skipped 1 file of other types" in first.line()
        assert store.count() == 6
        assert sorted(e["code"] for e in store.errors()) == ["U102"]
        again = ingest([str(corpus)], store)
        assert (again.added, again.skipped, again.failed) == (0, 6, 1)
        assert len(store.errors()) == 1  # one row per input and code, not one per run
        write_corpus(corpus, 2, start=6)
        more = ingest([str(corpus)], store)
        assert (more.added, more.skipped) == (2, 6)
        rec = next(r for r in store.records() if r.title == "Bridge 3 in Turku")
        assert rec.source == "Outlet 0" and rec.published == "2023-04-04"
        assert store.search("Turku")[0]["article_id"] == rec.id


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _check_once(db: Path, expected: int) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone()
        assert n == distinct == expected
        # children are not duplicated either: one quote row and one record per article at most
        assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == expected
        assert conn.execute("SELECT MAX(c) FROM (SELECT COUNT(*) AS c FROM mentions "
                            "GROUP BY article_id, eid, start_char)").fetchone()[0] == 1
        fts = conn.execute("SELECT COUNT(*) FROM records_fts WHERE records_fts MATCH 'council'")
        assert fts.fetchone()[0] == expected
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_mid_ingest_then_resume(tmp_path):
    n = 160
    corpus = write_corpus(tmp_path / "in", n)
    db = tmp_path / "news.db"
    proc = subprocess.Popen([sys.executable, "-m", "unspun", "ingest", str(corpus), "--db",
                             str(db), "--batch-size", "8", "--quiet", "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        stored = _count(db)
        if stored >= 16:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed"
    with unspun.open_store(db, readonly=True) as reader:  # readers work during an ingest
        assert reader.count() >= 16
    os.killpg(proc.pid, signal.SIGKILL)  # the writer and its analysis workers, like a power cut
    proc.wait()
    killed_at = _count(db)
    assert 0 < killed_at < n
    res = run_cli("ingest", str(corpus), "--db", str(db), "--quiet")
    assert res.returncode == 0, res.stderr
    assert f"{killed_at:,} already stored" in res.stderr
    _check_once(db, n)


@pytest.mark.slow
def test_ctrl_c_stores_what_is_analysed_and_exits_130(tmp_path):
    n = 120
    corpus = write_corpus(tmp_path / "in", n)
    db = tmp_path / "news.db"
    proc = subprocess.Popen([sys.executable, "-m", "unspun", "ingest", str(corpus), "--db",
                             str(db), "--batch-size", "4", "--quiet", "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and _count(db) < 4:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    assert proc.wait(timeout=120) == 130
    err = proc.stderr.read()
    assert "interrupted: run the same command again" in err and "Traceback" not in err, err
    stored = _count(db)
    assert 4 <= stored < n
    res = run_cli("ingest", str(corpus), "--db", str(db), "--quiet")
    assert res.returncode == 0 and f"{stored:,} already stored" in res.stderr, res.stderr
    _check_once(db, n)


@pytest.mark.slow
def test_two_ingests_at_once_serialise(tmp_path):
    n = 40
    corpus = write_corpus(tmp_path / "in", n)
    db = tmp_path / "news.db"
    cmd = [sys.executable, "-m", "unspun", "ingest", str(corpus), "--db", str(db),
           "--batch-size", "4", "--quiet"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    for code, err in results:
        assert code == 0 or "[U503]" in err, err
        assert "Traceback" not in err
    _check_once(db, n)


@pytest.mark.slow
def test_two_ingests_at_once_on_postgres(tmp_path):
    from test_store_support import PG_URL, drop_schema, new_schema, pg_available

    if pg_available():
        pytest.skip(pg_available())
    schema = new_schema()
    url = f"{PG_URL}?schema={schema}"
    corpus = write_corpus(tmp_path / "in", 24)
    cmd = [sys.executable, "-m", "unspun", "ingest", str(corpus), "--db", url,
           "--batch-size", "3", "--quiet"]
    try:
        procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
        for p in procs:
            assert p.wait(timeout=600) == 0, p.stderr.read()
        with unspun.open_store(url, readonly=True) as store:
            assert store.count() == 24
            assert len({r["article_id"] for r in store.rows("quotes")}) == 24
            assert len(list(store.rows("quotes"))) == len(
                {(r["article_id"], r["qid"]) for r in store.rows("quotes")})
    finally:
        drop_schema(schema)


@pytest.mark.parametrize("content", [b"this is my shopping list, not a database\n",
                                     b"SQLite format 3\x00" + os.urandom(3000)])
def test_non_database_file_is_refused_and_untouched(tmp_path, content):
    corpus = write_corpus(tmp_path / "in", 1)
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    before = (digest(db), db.stat().st_mtime_ns)
    for args in (["ingest", str(corpus), "--db", str(db)], ["search", "bridge", "--db", str(db)],
                 ["stats", "--db", str(db)]):
        res = run_cli(*args)
        assert res.returncode == 1, res
        assert "[U501]" in res.stderr and "Traceback" not in res.stderr, res.stderr
    assert (digest(db), db.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "notes.db"]  # no -wal, -journal


def test_another_programs_sqlite_database_is_refused(tmp_path):
    db = tmp_path / "app.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    before = digest(db)
    with pytest.raises(StoreError) as err:
        unspun.open_store(db)
    assert err.value.code == "U501" and "customers" in str(err.value)
    assert digest(db) == before


def test_read_only_database_searches_but_will_not_ingest(tmp_path):
    corpus = write_corpus(tmp_path / "in", 3)
    db = tmp_path / "news.db"
    assert run_cli("ingest", str(corpus), "--db", str(db), "--quiet").returncode == 0
    db.chmod(0o444)
    try:
        before = digest(db)
        res = run_cli("search", "bridge", "--db", str(db), "--format", "json")
        assert res.returncode == 0, res.stderr
        assert res.stdout.count('"article_id"') == 3
        assert run_cli("stats", "--db", str(db)).returncode == 0
        write_corpus(corpus, 1, start=3)
        res = run_cli("ingest", str(corpus), "--db", str(db))
        assert res.returncode == 1
        assert "[U502]" in res.stderr and "read-only" in res.stderr, res.stderr
        assert "Traceback" not in res.stderr
        assert digest(db) == before
    finally:
        db.chmod(0o644)


def test_search_on_missing_database_does_not_create_it(tmp_path):
    res = run_cli("search", "x", "--db", str(tmp_path / "nothing.db"))
    assert res.returncode == 1 and "[U507]" in res.stderr
    assert not (tmp_path / "nothing.db").exists()


def test_many_connections_create_one_new_postgres_schema_at_once():
    """Opening a store on a schema nobody created yet, from several connections at the same
    moment (two ingests started together): each one opens it. CREATE SCHEMA IF NOT EXISTS
    alone fails for the losers of the race with a unique-key error on pg_namespace."""
    import threading

    from test_store_support import PG_URL, drop_schema, new_schema, pg_available

    if pg_available():
        pytest.skip(pg_available())
    for _ in range(5):
        schema = new_schema()
        url = f"{PG_URL}?schema={schema}"
        gate = threading.Barrier(8)
        errors: list[str] = []

        def open_one():
            gate.wait()
            try:
                with unspun.open_store(url) as store:
                    store.count()
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(str(exc))

        threads = [threading.Thread(target=open_one) for _ in range(8)]
        try:
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)
            assert not errors, errors
        finally:
            drop_schema(schema)
