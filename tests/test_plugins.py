"""A component from a package outside the repository, found through its entry point.

The package is built and installed here (``pip install --target``, offline) and
run by real ``unspun`` processes: its ``record.ext`` value must reach the JSON
output, the store and ``unspun export``, and the record must validate.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEED
from unspun.record import Record
from unspun.schema import validate_record

PYPROJECT = """
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "unspun-wordcount"
version = "0.1"

[tool.setuptools]
py-modules = ["unspun_wordcount", "unspun_broken"]

[project.entry-points."unspun.components"]
wordcount = "unspun_wordcount"
broken = "unspun_broken"
"""

WORDCOUNT = '''
from unspun.pipeline import Context, component


@component("wordcount", assigns=("ext.wordcount",), languages=None)
def wordcount(ctx: Context) -> None:
    ctx.record.ext["wordcount"] = {"words": len(ctx.record.text.split())}
'''

SHIPPED = str(ROOT / "unspun" / "data" / "rhetoric.model")
BROKEN = "raise ImportError('this plug-in is broken on purpose')\n"
MODULES = {"unspun_wordcount.py": WORDCOUNT, "unspun_broken.py": BROKEN}


def wheel(src, out):
    """The package as a wheel, zipped by hand: where setuptools cannot build one offline
    (it needs the ``wheel`` package), pip still installs this."""
    info = "unspun_wordcount-0.1.dist-info"
    files = {name: (src / name).read_text() for name in MODULES}
    files[f"{info}/METADATA"] = "Metadata-Version: 2.1\nName: unspun-wordcount\nVersion: 0.1\n"
    files[f"{info}/WHEEL"] = ("Wheel-Version: 1.0\nGenerator: test_plugins\n"
                              "Root-Is-Purelib: true\nTag: py3-none-any\n")
    files[f"{info}/entry_points.txt"] = ("[unspun.components]\nwordcount = unspun_wordcount\n"
                                         "broken = unspun_broken\n")
    files[f"{info}/RECORD"] = "".join(f"{n},,\n" for n in files) + f"{info}/RECORD,,\n"
    path = out / "unspun_wordcount-0.1-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A folder with the plug-in package installed in it by pip (offline)."""
    src = tmp_path_factory.mktemp("pkg")
    (src / "pyproject.toml").write_text(PYPROJECT)
    for name, text in MODULES.items():
        (src / name).write_text(text)
    target = tmp_path_factory.mktemp("site")
    pip = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
           str(target)]
    res = subprocess.run(pip + ["--no-build-isolation", str(src)], capture_output=True,
                         text=True, timeout=300)
    if res.returncode != 0 and "bdist_wheel" in res.stdout + res.stderr:
        res = subprocess.run(pip + [str(wheel(src, tmp_path_factory.mktemp("dist")))],
                             capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert (target / "unspun_wordcount.py").is_file()
    return target


def run(site, *args, cwd=None):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]))
    return subprocess.run([sys.executable, "-m", "unspun", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=600)


def test_analyze_runs_an_enabled_plugin(site):
    res = run(site, "analyze", "--enable", "wordcount", str(SEED), "--format", "json")
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout)[0]
    assert rec["ext"] == {"wordcount": {"words": len(rec["text"].split())}}
    assert rec["ext"]["wordcount"]["words"] > 100
    validate_record(rec)
    assert "E004" in res.stderr and "unspun_broken" in res.stderr  # reported, not fatal


def test_a_plugin_runs_only_when_enabled(site):
    res = run(site, "analyze", str(SEED), "--format", "json", "-q")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)[0]["ext"] == {}


def test_enabling_unknown_or_broken_components_is_a_usage_error(site):
    res = run(site, "analyze", "--enable", "wordcont", str(SEED))
    assert res.returncode == 2
    assert "E001" in res.stderr and "wordcont" in res.stderr
    assert "wordcount" in res.stderr and "quotes" in res.stderr  # the known names
    broken = run(site, "analyze", "--enable", "broken", str(SEED))
    assert broken.returncode == 2 and "this plug-in is broken on purpose" in broken.stderr


def test_ingest_stores_and_exports_plugin_data(site, tmp_path):
    db = tmp_path / "news.db"
    res = run(site, "ingest", "--enable", "wordcount", "--model", SHIPPED, str(SEED),
              "--db", str(db), "-q")
    assert res.returncode == 0, res.stderr
    from unspun.store import open_store

    store = open_store(str(db), readonly=True)
    try:
        stored = list(store.records())
    finally:
        store.close()
    assert len(stored) == 1
    # the shipped learned layer given as --model does what the default pipeline does
    plain = json.loads(run(site, "analyze", str(SEED), "--format", "json", "-q").stdout)[0]
    assert {k: v for k, v in stored[0].to_dict().items() if k != "ext"} == \
        {k: v for k, v in plain.items() if k != "ext"}
    assert stored[0].ext == {"wordcount": {"words": len(stored[0].text.split())}}
    validate_record(stored[0].to_dict())
    out = tmp_path / "out"
    exp = run(site, "export", "--db", str(db), "--out", str(out))
    assert exp.returncode == 0, exp.stderr
    lines = (out / "records.jsonl").read_text("utf-8").splitlines()
    exported = json.loads(lines[0])
    assert exported["ext"] == stored[0].ext
    validate_record(exported)
    assert Record.from_dict(exported).ext == stored[0].ext


def test_serve_runs_enabled_plugins_and_models(site, tmp_path, monkeypatch):
    from test_server_api_support import serve

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site), str(ROOT)]))
    text = "The council met on Tuesday and approved the road budget for next year."
    # (a generous limit: the first request waits for the worker to load its models, and this
    # test is about plugins, not about how fast a loaded machine starts one)
    with serve(str(tmp_path / "s.db"), "--enable", "wordcount", "--model", SHIPPED,
               "--analyze-timeout", "300") as srv:
        resp = srv.post("/api/analyze", json={"text": text})
        assert resp.status_code == 200, resp.text
        assert resp.json()["ext"] == {"wordcount": {"words": 13}}
    bad = run(site, "serve", "--db", str(tmp_path / "s.db"), "--enable", "nope")
    assert bad.returncode == 2 and "E001" in bad.stderr


def test_record_ext_round_trips():
    rec = Record(text="Ten words here.")
    rec.ext["wordcount"] = {"words": 3}
    back = Record.from_json(rec.to_json())
    assert back.ext == {"wordcount": {"words": 3}} and back.to_dict() == rec.to_dict()
    assert Record.from_dict({"text": "Old record."}).ext == {}  # records made before ext

