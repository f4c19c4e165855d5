"""How the server starts: read-only without a token, loopback by default, CORS only on request,
an empty or missing database, and a database it cannot serve."""
from __future__ import annotations

import socket
import subprocess
import sys

import pytest

import unspun
from test_server_api_support import corpus, serve
from test_store_support import BACKENDS, db_target, drop_schema


def _other_address() -> str | None:
    """A non-loopback address of this machine, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # no packet is sent for UDP connect
            addr = s.getsockname()[0]
        return None if addr.startswith("127.") else addr
    except OSError:
        return None


def test_read_only_without_token_and_loopback_by_default(tmp_path):
    db = str(tmp_path / "news.db")
    with unspun.open_store(db) as store:
        store.add(corpus()[:2])
    with serve(db) as srv:
        assert "http://127.0.0.1:" in srv.url
        assert srv.get("/api/health").json()["writable"] is False
        resp = srv.post("/api/articles", json={"articles": [{"text": "Some text."}]},
                        headers={"Authorization": "Bearer anything"})
        assert resp.status_code == 403 and resp.json()["error"]["code"] == "read_only"
        assert "UNSPUN_TOKEN" in resp.json()["error"]["message"]
        other = _other_address()
        if other:
            port = int(srv.url.rsplit(":", 1)[1])
            with pytest.raises(OSError):
                socket.create_connection((other, port), timeout=2).close()


def test_cors_headers_only_for_the_named_origin(tmp_path):
    db = str(tmp_path / "news.db")
    with serve(db, "--cors-origin", "https://allowed.example") as srv:
        ok = srv.get("/api/health", headers={"Origin": "https://allowed.example"})
        assert ok.headers["access-control-allow-origin"] == "https://allowed.example"
        other = srv.get("/api/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


@pytest.mark.parametrize("backend", BACKENDS)
def test_empty_database_page_says_how_to_ingest(backend, tmp_path):
    url, schema = db_target(backend, tmp_path)
    try:
        with serve(url) as srv:
            page = srv.get("/")
            assert page.status_code == 200 and "unspun ingest" in page.text
            assert srv.get("/api/articles").json()["items"] == []
            assert srv.get("/outlets").status_code == 200
            assert srv.get("/api/techniques").json()["months"] == []
    finally:
        if schema:
            drop_schema(schema)


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list\n")
    run = subprocess.run([sys.executable, "-m", "unspun", "serve", "--db", str(bad),
                          "--port", "0"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "U501" in run.stderr and "Traceback" not in run.stderr
    assert bad.read_text() == "shopping list\n"


def test_read_only_database_file_is_served(tmp_path):
    db = tmp_path / "news.db"
    with unspun.open_store(str(db)) as store:
        store.add(corpus()[:1])
    db.chmod(0o444)
    with serve(str(db)) as srv:
        assert srv.get("/api/health").json()["articles"] == 1
