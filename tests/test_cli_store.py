"""The corpus commands as a user runs them: ingest, search, who, stats, export (both backends)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from test_ingest import run_cli, write_corpus
from test_store_support import target  # noqa: F401  (fixture)

COMMANDS = {
    "ingest": ["PATHS", "--db", "--workers", "--batch-size", "resume", "errors", "Exit status",
               "postgresql://"],
    "search": ["QUERY", "--source", "--since", "--until", "--speaker", "--entity", "--technique",
               "--voice", "--frame", "--kind", "--format", "--limit", "--offset", "phrases"],
    "who": ["NAME", "--db", "quotes"],
    "stats": ["--by", "source", "month", "speaker", "technique", "--format", "1,000 words"],
    "export": ["--format", "jsonl", "csv", "parquet", "--out", "records.jsonl", "article_id"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_answers_questions(command):
    res = run_cli(command, "--help")
    assert res.returncode == 0
    for word in COMMANDS[command]:
        assert word in res.stdout, (command, word)


@pytest.fixture
def loaded(target, tmp_path):
    """A database on each backend holding 6 ingested articles."""
    corpus = write_corpus(tmp_path / "in", 6)
    res = run_cli("ingest", str(corpus), "--db", target, "--workers", "2")
    assert res.returncode == 0, res.stderr
    assert "6 stored" in res.stderr
    return target


def test_search_formats_and_filters(loaded):
    res = run_cli("search", "bridge", "--db", loaded, "--format", "json", "--limit", "4")
    assert res.returncode == 0, res.stderr
    hits = json.loads(res.stdout)
    assert len(hits) == 4 and all("**" in h["snippet"] for h in hits)
    res = run_cli("search", "Porto", "--db", loaded, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["title"] for r in rows] == ["Bridge 1 in Porto"]
    res = run_cli("search", "--db", loaded, "--source", "Outlet 2", "--since", "2023-03",
                  "--format", "json")
    assert sorted(h["title"] for h in json.loads(res.stdout)) == ["Bridge 2 in Ghent",
                                                                  "Bridge 5 in Brno"]
    res = run_cli("search", "bridge", "--db", loaded)
    assert res.returncode == 0 and "hit(s)" in res.stdout


def test_hostile_search_input_never_traces(loaded):
    for query in ["'; DROP TABLE articles; --", '"unbalanced', "NEAR(", "a" * 3000, "-only",
                  "bridge OR", "%_\\"]:
        res = run_cli("search", "--db", loaded, "--speaker", query[:40], "--", query)
        assert "Traceback" not in res.stderr, (query, res.stderr)
        assert res.returncode == 0 or res.stderr.startswith("error [U504]"), (query, res.stderr)
    res = run_cli("search", "bridge", "--db", loaded, "--format", "json")
    assert len(json.loads(res.stdout)) == 6


def test_who_stats_export(loaded, tmp_path):
    res = run_cli("who", "berg", "--db", loaded, "--format", "json")
    assert res.returncode == 0, res.stderr
    who = json.loads(res.stdout)
    assert "anna berg" in " ".join(who["matched_names"])
    assert who["mentions"] and all("**" in m["context"] for m in who["mentions"])
    assert run_cli("who", "berg", "--db", loaded).returncode == 0
    res = run_cli("stats", "--by", "source", "--db", loaded, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["source"]: int(r["articles"]) for r in rows} == {"Outlet 0": 2, "Outlet 1": 2,
                                                              "Outlet 2": 2}
    assert run_cli("stats", "--db", loaded).returncode == 0
    res = run_cli("export", "--db", loaded, "--format", "csv", "--out", str(tmp_path / "x"))
    assert res.returncode == 0, res.stderr
    with open(tmp_path / "x" / "articles.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 6
    assert len((tmp_path / "x" / "records.jsonl").read_text().splitlines()) == 6


def test_stats_by_month_table(loaded):
    res = run_cli("stats", "--by", "month", "--db", loaded)
    assert res.returncode == 0 and "2023-06" in res.stdout
