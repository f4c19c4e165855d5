"""Attacks on a real `unspun serve`: oversized and slow analyses, a full queue, readers
during analysis, silent and slow connections, foreign Host headers, the bearer header."""
from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from test_server_api_support import serve  # noqa: E402

from .procs import alive, descendants  # noqa: E402

SENTENCE = "The committee met on Tuesday and the minister said the plan would go ahead. "
TOKEN = "s3cret-token-for-tests"


def long_text(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def _addr(server):
    parts = urlsplit(server.url)
    return parts.hostname, parts.port


def _raw(server, data: bytes, read: bool = True, timeout: float = 10.0) -> bytes:
    sock = socket.create_connection(_addr(server), timeout=timeout)
    try:
        sock.sendall(data)
        return sock.recv(65536) if read else b""
    finally:
        sock.close()


def _wait_ready(server, seconds: float = 120.0) -> None:
    """Until the analysis worker answers (it loads the pipeline after the server starts)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.post("/api/analyze", json={"text": "Rain fell on Monday."}).status_code == 200:
            return
        time.sleep(1)
    raise AssertionError("the analysis worker never answered")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(tmp_path_factory.mktemp("attack") / "news.db")


def test_oversized_analyze_is_refused_before_reading(db):
    with serve(db) as server:
        started = time.monotonic()
        resp = server.post("/api/analyze", json={"text": "x" * 800_000})
        assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large"
        assert time.monotonic() - started < 10
        # only the head is sent: the answer comes without the body
        head = (b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                b"application/json\r\nContent-Length: 800000\r\n\r\n")
        assert _raw(server, head).startswith(b"HTTP/1.1 413")
        # within the byte cap but over the character limit (default 100,000)
        over = server.post("/api/analyze", json={"text": "y" * 100_001})
        assert over.status_code == 413 and "100,000" in over.json()["error"]["message"]


# The slow analysis must outlast the time limit on any machine CI may use: 400,000
# characters take about 14 s on this project's 2-core reference machine, against a 3 s
# limit, so a machine four times faster still runs past it. (99,000 characters took 3 s,
# which a 6 s limit let finish on a fast, idle machine.)
SLOW_CHARS = 400_000
SLOW_LIMIT_S = 3


def test_slow_analysis_is_stopped_and_readers_never_wait(db):
    with serve(db, "--analyze-timeout", str(SLOW_LIMIT_S), "--analyze-queue", "1",
               "--max-analyze-chars", str(SLOW_CHARS)) as server:
        _wait_ready(server)
        pool = [p for p in descendants(server.proc.pid)]
        results: dict[str, object] = {}

        def slow():
            t0 = time.monotonic()
            results["slow"] = server.post("/api/analyze", json={"text": long_text(SLOW_CHARS)})
            results["slow_s"] = time.monotonic() - t0

        slow_thread = threading.Thread(target=slow)
        slow_thread.start()
        time.sleep(0.5)
        # the queue holds one more; a third request is refused at once
        waiting = threading.Thread(target=lambda: results.setdefault(
            "queued", server.post("/api/analyze", json={"text": long_text(SLOW_CHARS)})))
        waiting.start()
        time.sleep(0.5)
        busy = server.post("/api/analyze", json={"text": "Rain fell."})
        assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy"
        assert int(busy.headers["retry-after"]) > 0

        def read(i):
            t0 = time.monotonic()
            path = ("/api/health", "/api/articles", "/api/stats", "/")[i % 4]
            return server.get(path).status_code, time.monotonic() - t0

        with ThreadPoolExecutor(25) as ex:
            reads = list(ex.map(read, range(100)))
        assert all(code == 200 for code, _ in reads)
        assert max(s for _, s in reads) < 3.0, "a read waited behind the analysis"
        slow_thread.join(60)
        waiting.join(60)
        slow_resp = results["slow"]
        assert slow_resp.status_code == 504, slow_resp.text[:300]
        assert slow_resp.json()["error"]["code"] == "timeout"
        assert results["slow_s"] < SLOW_LIMIT_S + 3
        assert results["queued"].status_code == 504  # its time ran out waiting
        # the stuck worker was killed and replaced: the pool's size stays the same
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            ok = server.post("/api/analyze", json={"text": "Rain fell on Monday."})
            if ok.status_code == 200:
                break
            time.sleep(1)
        assert ok.status_code == 200 and ok.json()["text"] == "Rain fell on Monday."
        after = descendants(server.proc.pid)
        assert len(after) <= len(pool), (pool, after)


def test_quote_marks_end_within_the_limit(db):
    with serve(db, "--analyze-timeout", "10") as server:
        _wait_ready(server)
        t0 = time.monotonic()
        resp = server.post("/api/analyze", json={"text": '"' * 16_000})
        took = time.monotonic() - t0
        assert resp.status_code in (200, 504), resp.text[:300]
        if resp.status_code == 504:
            assert resp.json()["error"]["code"] == "timeout"
        assert took < 10 + 3


def test_silent_and_slow_connections_are_closed(db):
    with serve(db, "--header-timeout", "2") as server:
        socks = []
        for i in range(45):
            s = socket.create_connection(_addr(server), timeout=15)
            if i % 3:
                s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never ends
            socks.append(s)
        drip = socket.create_connection(_addr(server), timeout=15)
        # the server still answers others meanwhile
        assert server.get("/api/health").status_code == 200
        started = time.monotonic()
        for byte in b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaa":
            try:
                drip.sendall(bytes([byte]))
            except OSError:
                break
            if time.monotonic() - started > 8:
                break
            time.sleep(0.3)
        drip_open = time.monotonic() - started
        assert drip_open < 6, "a slow-drip request head kept its connection"
        closed = 0
        for s in socks:
            try:
                closed += s.recv(1024) == b""
            except (ConnectionResetError, TimeoutError, socket.timeout):
                closed += 1
            s.close()
        drip.close()
        assert closed == 45
        assert server.get("/api/health").status_code == 200


def test_host_header_is_checked(db):
    with serve(db) as server:
        _, port = _addr(server)
        evil = server.get("/api/health", headers={"Host": "evil.example"})
        assert evil.status_code == 400 and evil.json()["error"]["code"] == "bad_host"
        rebinding = server.get("/", headers={"Host": f"attacker.example:{port}"})
        assert rebinding.status_code == 400
        for host in (f"localhost:{port}", f"127.0.0.1:{port}", "localhost"):
            assert server.get("/api/health", headers={"Host": host}).status_code == 200
    with serve(db, "--allowed-host", "news.example") as server:
        assert server.get("/api/health", headers={"Host": "news.example"}).status_code == 200
        assert server.get("/api/health", headers={"Host": "evil.example"}).status_code == 400


def test_bearer_scheme_is_case_insensitive_and_spaces_are_tolerated(db):
    article = {"text": "Parliament approved the budget on Tuesday, officials said.",
               "source": "Test Wire", "published": "2024-03-01"}
    with serve(db, token=TOKEN) as server:
        _wait_ready(server)
        for header, status in ((f"bearer     {TOKEN}", 201), (f"BEARER {TOKEN}", 201),
                               (f"Basic {TOKEN}", 401), (TOKEN, 401),
                               (f"bearer {TOKEN}x", 401), ("bearer", 401)):
            resp = server.post("/api/articles", json={"articles": [article]},
                               headers={"Authorization": header})
            assert resp.status_code == status, (header, resp.text[:200])


def test_killed_server_leaves_no_workers(db):
    import signal

    with serve(db) as server:
        _wait_ready(server)
        kids = descendants(server.proc.pid)
        assert kids, "the analysis pool has no processes"
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(alive(p) for p in kids):
            time.sleep(0.2)
        assert not [p for p in kids if alive(p)], "analysis workers outlived the server"
