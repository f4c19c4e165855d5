"""Leftovers and edges: a killed ingest leaves no processes; device files and FIFOs are
refused as databases instead of being written beside or hanging."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli
from .procs import alive, descendants, rss_mb

ARTICLE = ("LONDON (Reuters) - The committee met on Tuesday, officials said. "
           '"We will decide next week," said Jane Smith, the chair. ') * 20


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_kill_9_of_an_ingest_leaves_no_process_behind(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"a{i:03d}.txt").write_text(f"date 2024-01-{i % 28 + 1:02d}\n\n{ARTICLE} {i}\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "unspun", "ingest", str(corpus), "--db",
                             str(tmp_path / "n.db"), "--workers", "2", "--batch-size", "4",
                             "-q"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        # wait until both workers have loaded the pipeline and are analysing
        deadline = time.monotonic() + 180
        kids: set[int] = set()
        while time.monotonic() < deadline:
            kids = descendants(proc.pid)
            if sum(rss_mb(p) > 150 for p in kids) >= 2:
                break
            assert proc.poll() is None, "the ingest ended before the test could kill it"
            time.sleep(0.5)
        assert sum(rss_mb(p) > 150 for p in kids) >= 2, f"workers never started: {kids}"
        time.sleep(1)
        kids = descendants(proc.pid)  # worker pool, forkserver and resource tracker
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed = time.monotonic()
        while time.monotonic() - killed < 5 and any(alive(p) for p in kids):
            time.sleep(0.2)
        left = [p for p in kids if alive(p)]
        assert not left, f"{len(left)} process(es) outlived the killed ingest by 5 s"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_dev_null_is_refused_and_nothing_is_written_beside_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    had_journal = Path("/dev/null-journal").exists()
    for args in (["ingest", str(article), "--db", "/dev/null", "-q"],
                 ["search", "x", "--db", "/dev/null"], ["stats", "--db", "/dev/null"]):
        got = run_cli(*args, timeout=120)
        assert got.returncode == 1 and "U501" in got.stderr, got.stderr
        assert "not a regular file" in got.stderr and "Traceback" not in got.stderr
    assert Path("/dev/null-journal").exists() == had_journal


def test_fifo_as_database_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    for args in (["ingest", str(article), "--db", str(fifo), "-q"],
                 ["search", "x", "--db", str(fifo)], ["serve", "--db", str(fifo), "--port", "0"]):
        got = run_cli(*args, timeout=60)  # a hang raises TimeoutExpired
        assert got.returncode == 1 and "U501" in got.stderr, got.stderr
