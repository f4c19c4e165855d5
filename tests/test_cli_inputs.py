"""Inputs that used to sink a whole run, through the real command line (real processes)."""
import json
import os
import sqlite3
import subprocess
import sys

import pytest

ARTICLE = ("date 2023-0{n}-02\nBAKU, Azerbaijan, {n} February. The minister said on Monday that "
           "talks on article {n} would resume next week.\n")


def run(*args, stdin=None, cwd=None, env=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "unspun", *args], input=stdin, cwd=cwd,
                          env=env, capture_output=True, timeout=timeout,
                          text=isinstance(stdin, str) or stdin is None)


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_html_without_a_working_trafilatura_fails_only_the_html(tmp_path):
    """An install without lxml_html_clean (older pip): each page is U112, the text is analysed."""
    shim = tmp_path / "shim"
    shim.mkdir()
    # what `lxml` without its html_clean extra looks like: `import lxml_html_clean` fails
    (shim / "sitecustomize.py").write_text("import sys\nsys.modules['lxml_html_clean'] = None\n")
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("a.html", "b.htm"):
        (pages / name).write_text("<html><body><article><p>Paragraph about the vote in the "
                                  "parliament.</p></article></body></html>")
    (pages / "c.txt").write_text(ARTICLE.format(n=1))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(shim), env.get("PYTHONPATH", "")])
    res = run("analyze", str(pages), "--format", "jsonl", env=env)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert res.stderr.count("[U112]") == 2 and "lxml_html_clean" in res.stderr
    [rec] = records(res.stdout)
    assert rec["meta"]["input"].endswith("c.txt")


def test_ingest_dot_twice_in_the_corpus_folder(tmp_path):
    for n in (1, 2, 3):
        (tmp_path / f"a{n}.txt").write_text(ARTICLE.format(n=n))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    first = run("ingest", ".", "--quiet", cwd=tmp_path)
    second = run("ingest", ".", "--quiet", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "skipped 3 files of other types" in first.stderr
    assert "3 already stored" in second.stderr
    with sqlite3.connect(tmp_path / "unspun.db") as conn:
        inputs = sorted(r for (r,) in conn.execute("SELECT input FROM articles"))
        errors = conn.execute("SELECT count(*) FROM errors").fetchone()[0]
    assert [os.path.basename(i) for i in inputs] == ["a1.txt", "a2.txt", "a3.txt"]
    assert errors == 0


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_fifos_and_devices_are_refused_without_reading(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # nobody ever writes to it: opening it normally blocks
    (folder / "real.txt").write_text(ARTICLE.format(n=1))
    os.mkfifo(tmp_path / "named.jsonl")
    res = run("analyze", "/dev/zero", "/dev/urandom", str(tmp_path / "named.jsonl"), str(folder),
              "--format", "jsonl", timeout=240)
    assert res.returncode == 1, res.stderr
    lines = [line for line in res.stderr.splitlines() if "[U113]" in line]
    assert len(lines) == 4
    assert [line.split("] ")[1].split(":")[0] for line in lines] == [
        "/dev/zero", "/dev/urandom", str(tmp_path / "named.jsonl"), str(folder / "pipe.txt")]
    assert len(records(res.stdout)) == 1


def test_endless_stdin_stops_at_the_size_limit():
    with open("/dev/zero", "rb") as zero:
        res = subprocess.run([sys.executable, "-m", "unspun", "analyze", "-", "--format",
                              "jsonl", "--max-chars", "1000"], stdin=zero,
                             capture_output=True, text=True, timeout=240)
    assert res.returncode == 1 and "[U115] <stdin>" in res.stderr, res.stderr


@pytest.mark.parametrize("payload", ["[" * 100_000 + "]" * 100_000,
                                     '{"text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}"])
def test_deep_json_on_stdin_is_a_coded_error(payload):
    res = run("analyze", "-", "--format", "jsonl", stdin=payload)
    assert res.returncode == 1
    assert "[U114] <stdin>" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("args", [["search", "vote", "--since", "2023-13-45"],
                                  ["search", "--until", "2023-02-30"],
                                  ["search", "--since", "last week"],
                                  ["stories", "--no-assign", "--until", "2024-00"]])
def test_bad_dates_are_usage_errors_with_a_code(tmp_path, args):
    res = run(*args, "--db", str(tmp_path / "none.db"))
    assert res.returncode == 2, res.stderr
    assert "[U119]" in res.stderr
    assert not (tmp_path / "none.db").exists()
