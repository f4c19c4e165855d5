"""Hostile text on a real terminal: rich markup and ANSI/OSC escapes in an article's text,
title, source and file name, printed by `analyze --format pretty`, the warnings naming the
file, and the search/who/stats/stories tables.  Captured through a pty with `script`."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, run_cli

pytestmark = pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1)")

ESC = "\x1b"
CLEAR = "\x1b[2J\x1b[H"
TITLE_SET = "\x1b]0;PWNED\x07"
LINK = "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\"
C1_CSI = "\x9b2J"
TEXT = (f"LONDON (Reuters) - Talks go on [/b] {CLEAR}today. \"We will win [bold],\" "
        f"said John Smith {LINK}. The deal {C1_CSI} is [/oops] a disaster{TITLE_SET}.\n")
TITLE = f"[/oops] {TITLE_SET}"
SOURCE = f"Evil{CLEAR} [/s] News"
# what rich itself writes: colours (SGR) and, for progress bars, cursor hide/show,
# erase line and cursor up; nothing else may reach the terminal
RICH_OWN = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[2K|\x1b\[1A|\r")


def on_terminal(*args: str, timeout: float = 300) -> tuple[int, str]:
    """Run `python -m unspun ARGS` on a pty (stdout and stderr both), return (rc, output)."""
    cmd = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "unspun", *args])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    got = subprocess.run(["script", "-q", "-e", "-c", cmd, "/dev/null"], env=env,
                         stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    return got.returncode, got.stdout.decode("utf-8", "replace")


def assert_safe(output: str) -> None:
    rest = RICH_OWN.sub("", output)
    assert "Traceback" not in rest and "MarkupError" not in rest, rest[-2000:]
    for bad in (ESC, "\x07", "\x9b"):
        assert bad not in rest, f"raw {bad!r} reached the terminal: ...{rest[rest.find(bad)-60:][:120]!r}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    jsonl = root / "a.jsonl"
    jsonl.write_text(json.dumps({"text": TEXT, "title": TITLE, "source": SOURCE,
                                 "published": "2024-01-02"}) + "\n", encoding="utf-8")
    folder = root / "["  # a path holding "[/x]" and escapes: <root>/[/x]\x1b[2J.txt
    folder.mkdir()
    named = folder / f"x]{CLEAR}{TITLE_SET}.txt"
    named.write_bytes(b"title: [/oops]\n\nThe talks went on in London \xff and ended late.\n")
    db = root / "h.db"
    got = run_cli("ingest", str(jsonl), str(named), "--db", str(db), "-q")
    assert got.returncode == 0, got.stderr
    return {"jsonl": jsonl, "named": named, "db": str(db)}


def test_pretty_analysis_shows_escapes_visibly(hostile):
    rc, out = on_terminal("analyze", str(hostile["jsonl"]), str(hostile["named"]),
                          "--format", "pretty")
    assert rc == 0, out[-2000:]
    assert_safe(out)
    plain = RICH_OWN.sub("", out)
    assert "␛[2J" in plain and "␛]0;PWNED␇" in plain and "[/oops]" in plain
    assert "␛[2J␛[H [/s]" in plain
    assert "W202" in plain and "x]␛[2J␛[H␛]0;PWNED␇.txt" in plain  # the warning names the file


def test_json_output_keeps_the_exact_text(hostile):
    got = run_cli("analyze", str(hostile["jsonl"]), "--format", "json")
    rec = json.loads(got.stdout)[0]
    assert rec["text"] == TEXT and rec["title"] == TITLE and rec["source"] == SOURCE
    hits = json.loads(run_cli("search", "--db", hostile["db"], "--format", "json").stdout)
    assert {h["title"] for h in hits} >= {TITLE} and SOURCE in {h["source"] for h in hits}
    rows = list(csv.DictReader(io.StringIO(run_cli("search", "--db", hostile["db"],
                                                   "--format", "csv").stdout)))
    assert SOURCE in {r["source"] for r in rows}
    who = json.loads(run_cli("who", "Smith", "--db", hostile["db"], "--format", "json").stdout)
    assert SOURCE in {r["source"] for r in who["quotes_by_source"]}


@pytest.mark.parametrize("args", [
    ["search"], ["search", "talks"], ["search", "--kind", "quote"], ["search", "[/x]"],
    ["who", "[/x]"], ["who", "Smith"], ["who", "\x1b[2J"], ["stats"], ["stats", "--by", "source"],
    ["stats", "--by", "speaker"], ["stories"], ["compare", "1"]])
def test_store_tables_are_safe(hostile, args):
    rc, out = on_terminal(*args, "--db", hostile["db"])
    assert rc == 0, out[-2000:]
    assert_safe(out)


def test_errors_naming_files_are_safe(hostile, tmp_path):
    evil = tmp_path / f"[_x]{CLEAR}.txt"
    evil.write_bytes(b"\x00\x01\x02binary" * 50)
    missing = tmp_path / f"missing{TITLE_SET}[/y].txt"
    rc, out = on_terminal("analyze", str(evil), str(missing), "--format", "pretty")
    assert rc == 1
    assert_safe(out)
    assert "U103" in out and "U101" in out
    rc, out = on_terminal("ingest", str(evil), "--db", str(tmp_path / "e.db"), "-q")
    assert rc == 1 and "U103" in out
    assert_safe(out)
