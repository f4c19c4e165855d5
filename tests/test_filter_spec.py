"""One filter specification: a filter added to it is a CLI option, an API parameter, a form
field and a working SQL condition, with no other change.

The filter is registered in a fresh interpreter before anything is built (as a plug-in's
entry point would), so this process keeps the built-in specification.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from test_store_support import corpus

import unspun

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent('''
    import json, sys, warnings
    warnings.simplefilter("ignore")
    from unspun.store.filters import FilterSpec, register_filter

    register_filter(FilterSpec(
        "language", help="Articles in this language (ISO code).", label="Language",
        metavar="CODE", max_length=20, api_help="Language code",
        build=lambda f, value: f.add("a.language = ?", value)))

    from click.testing import CliRunner
    from fastapi.testclient import TestClient
    from unspun.cli import cli
    from unspun.server.app import build_app
    from unspun.server.config import Settings

    db = sys.argv[1]
    runner = CliRunner()
    out = {"help": runner.invoke(cli, ["search", "--help"]).output}
    for code in ("de", "en"):
        res = runner.invoke(cli, ["search", "--db", db, "--language", code, "--format", "json"])
        out["cli_" + code] = sorted(h["article_id"] for h in json.loads(res.output))
        res = runner.invoke(cli, ["search", "bridge", "--db", db, "--kind", "quote",
                                  "--language", code, "--format", "json"])
        out["cli_quotes_" + code] = sorted(h["article_id"] for h in json.loads(res.output))
    client = TestClient(build_app(Settings(db=db)))
    for code in ("de", "en"):
        items = client.get("/api/search", params={"language": code}).json()["items"]
        out["api_" + code] = sorted(h["article_id"] for h in items)
    bad = client.get("/api/articles", params={"language": "x" * 21})
    out["api_too_long"] = [bad.status_code, bad.json()]
    doc = client.get("/openapi.json").json()
    out["api_params"] = {p: [(q["name"], q.get("description")) for q in
                             doc["paths"][p]["get"]["parameters"]]
                         for p in ("/api/articles", "/api/search")}
    out["docs_page"] = "Language code" in client.get("/api/docs").text
    page = client.get("/", params={"language": "de"})
    out["form"] = page.text
    out["form_hits"] = page.text.count('class="hit"')
    print(json.dumps(out))
''')


def test_a_filter_added_to_the_specification_is_everywhere(tmp_path):
    recs = corpus()
    for i, rec in enumerate(recs):  # one German article (the one quoting on the bridge)
        rec.language = "de" if i == 0 else "en"
    db = str(tmp_path / "news.db")
    with unspun.open_store(db) as store:
        store.add(recs)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, db], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])

    # the CLI option, with its help, where the other filters are
    assert "--language CODE" in out["help"] and "Articles in this language" in out["help"]
    options = out["help"][out["help"].index("Options:"):]
    assert options.index("--frame") < options.index("--language") < options.index("--limit")
    german = [recs[0].id]
    english = sorted(r.id for r in recs[1:])
    assert out["cli_de"] == german and out["cli_en"] == english
    # the quote search filters by the article's language too (one quote about the bridge)
    assert "bridge" in recs[0].quotes[0]["content"]["text"]
    assert out["cli_quotes_de"] == german and out["cli_quotes_en"] == []

    # the API parameter: filters, documented, length-checked like the others
    assert out["api_de"] == german and out["api_en"] == english
    status, body = out["api_too_long"]
    assert status == 400 and "language" in body["error"]["message"]
    for path, params in out["api_params"].items():
        assert ["language", "Language code"] in params, path
    assert out["docs_page"]  # the browsable API docs list it too

    # the web form field, filled in from the request, and the hits it selects
    assert 'name="language"' in out["form"] and "Language" in out["form"]
    assert 'name="language" value="de"' in out["form"]
    assert out["form_hits"] == 1


def test_without_the_filter_nothing_knows_it(tmp_path):
    """The same checks fail on the built-in specification (the test above can fail)."""
    from click.testing import CliRunner

    from unspun.cli import cli
    from unspun.store.filters import filter_names

    assert "language" not in filter_names()
    assert "--language" not in CliRunner().invoke(cli, ["search", "--help"]).output
    db = str(tmp_path / "news.db")
    with unspun.open_store(db) as store:
        store.add(corpus())
        try:
            store.search(language="en")
        except TypeError as exc:
            assert "language" in str(exc)
        else:
            raise AssertionError("an unknown filter was accepted")
