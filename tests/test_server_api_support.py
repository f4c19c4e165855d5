"""Shared helpers for the server tests: a real `unspun serve` process and its corpus.

Import from here; it holds no tests itself.  Servers run as separate
processes (``python -m unspun serve --port 0``) on a SQLite file or in a fresh
PostgreSQL schema, exactly as a user starts them.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

from test_store_support import corpus as store_corpus
from unspun.record import Record

START_TIMEOUT = 60.0
EVIL_SOURCE = 'Evil <b>bold</b> <img src=x onerror="window.__pwned=11"> Outlet'
EVIL_SPEAKER = "<script>window.__pwned=12</script> Mallory"
ADDRESS = re.compile(r"at (http://[^/\s]+/)")


def evil_record() -> Record:
    """An article whose text and metadata try every usual HTML injection."""
    parts = [
        "Markup test about the bridge. ",
        "<script>window.__pwned=1</script> ",
        '<img src=x onerror="window.__pwned=2"> ',
        '<a href="javascript:window.__pwned=3">click me</a> ',
        "Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt; &#60;i&#62; ",
    ]
    opener = "".join(parts)
    said = "<svg onload=window.__pwned=4>the bridge is a disgrace"
    quote = f'{EVIL_SPEAKER} said "{said}." '
    closer = "Critics called the plan a disaster."
    text = opener + quote + closer
    rec = Record(text=text, published="2023-11-05", source=EVIL_SOURCE,
                 title="<script>window.__pwned=5</script> Bridge <b>news</b>",
                 url="javascript:window.__pwned=6")
    s0 = len(opener)
    c0 = s0 + len(EVIL_SPEAKER) + len(' said "')
    c1 = c0 + len(said)
    d0 = text.index("disaster")
    rec.entities = [{"id": "E1", "name": EVIL_SPEAKER, "type": "PERSON", "descriptions": [],
                     "mentions": [rec.span(s0, s0 + len(EVIL_SPEAKER))]}]
    rec.quotes = [{"id": "Q1", "kind": "direct",
                   "speaker": {"entity": "E1", "name": EVIL_SPEAKER,
                               **rec.span(s0, s0 + len(EVIL_SPEAKER))},
                   "cue": None, "content": rec.span(c0, c1)}]
    rec.techniques = [
        {"label": "loaded_language", **rec.span(d0, d0 + len("disaster")), "voice": "author",
         "score": 0.9, "evidence": '"><img src=x onerror="window.__pwned=7"> negative label'},
        {"label": "name_calling", **rec.span(c1 - len("disgrace"), c1), "voice": "Q1",
         "score": 0.8, "evidence": "</span><script>window.__pwned=8</script>"}]
    rec.frames = [{"label": "political", "score": 0.5, "evidence": []}]
    rec.voice = [{**rec.span(0, s0), "voice": "author"}, {**rec.span(c0, c1), "voice": "Q1"}]
    return rec


def corpus() -> list[Record]:
    """The store tests' four plain records on two outlets, and the injection record."""
    return store_corpus() + [evil_record()]


class Server:
    """A running `unspun serve` process and an HTTP client for it."""

    def __init__(self, proc: subprocess.Popen, url: str, output: list[str]):
        self.proc, self.url, self.output = proc, url.rstrip("/"), output
        self.http = httpx.Client(base_url=self.url, timeout=60.0)

    def get(self, path: str, **kw):
        return self.http.get(path, **kw)

    def post(self, path: str, **kw):
        return self.http.post(path, **kw)


@contextmanager
def serve(db: str, *extra: str, token: str | None = None, cwd: Path | None = None):
    """Start `unspun serve --db DB --port 0 EXTRA...`; yield a :class:`Server`; stop it."""
    env = {k: v for k, v in os.environ.items() if k != "UNSPUN_TOKEN"}
    if token:
        env["UNSPUN_TOKEN"] = token
    cmd = [sys.executable, "-m", "unspun", "serve", "--db", db, "--port", "0",
           "--log-level", "warning", *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=env, cwd=cwd)
    lines: list[str] = []
    url = None
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            m = ADDRESS.search(line)
            if m:
                url = m.group(1)
                break
        if url is None:
            proc.kill()
            raise RuntimeError("server did not start:\n" + "".join(lines) +
                               (proc.stdout.read() or ""))
        threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True).start()
        server = Server(proc, url, lines)
        yield server
        server.http.close()
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
