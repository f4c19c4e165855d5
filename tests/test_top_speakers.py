"""Test code only (no data): reads PolNeAR from ../shared/data at run time, skips when absent.

After ingesting PolNeAR (train + dev), the top speakers are people, one entry per person;
pronouns and groups ("Democrats", "officials") are listed only on request.
Runs the real CLI (`unspun ingest` with the components quotes need, then
`unspun stats --by speaker`) into a real SQLite file.  Slow: several minutes.
No name is special-cased in the code; the names below are only what the test
looks for in this corpus.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

COMPONENTS = "segment,dateline,agencies,entities,quotes"
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we",
            "you", "me", "us", "who", "which", "that", "whom", "this", "these", "those"}
PEOPLE = ("Donald Trump", "Hillary Clinton", "Bernie Sanders", "Barack Obama", "Bill Clinton")


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "unspun", *args], capture_output=True, text=True,
                          timeout=3600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _refers_to(entry: str, person: str) -> bool:
    """An entry names the person: their surname, and no other first name."""
    words = re.findall(r"[a-z]+", entry.lower())
    first, last = person.lower().split()
    return bool(words) and words[-1] == last and (len(words) == 1 or first in words)


@pytest.fixture(scope="module")
def polnear_db(shared_data, tmp_path_factory):
    root = shared_data / "polnear"
    if not (root / "train" / "text").is_dir() or not (root / "dev" / "text").is_dir():
        pytest.skip("PolNeAR train and dev are not in the shared data")
    db = tmp_path_factory.mktemp("polnear") / "polnear.db"
    _run("ingest", str(root / "train" / "text"), str(root / "dev" / "text"), "--db", str(db),
         "--components", COMPONENTS, "--quiet", "--workers", "2")
    return db


@pytest.mark.slow
def test_top_speakers_are_people_one_entry_each(polnear_db):
    rows = json.loads(_run("stats", "--by", "speaker", "--format", "json", "--db", str(polnear_db)))
    top = [r["speaker"] for r in rows[:30]]
    assert len(top) == 30
    pronouns = [s for s in top if s.lower() in PRONOUNS or s.startswith("unresolved")]
    assert not pronouns, top
    for person in PEOPLE:
        entries = [s for s in top if _refers_to(s, person)]
        assert entries == [person], (person, top)


@pytest.mark.slow
def test_unresolved_pronouns_only_on_request(polnear_db):
    rows = json.loads(_run("stats", "--by", "speaker", "--unresolved", "--format", "json",
                           "--db", str(polnear_db)))
    shown = [r["speaker"] for r in rows]
    assert any(re.fullmatch(r"unresolved \((he|she|they|it|who)\)", s) for s in shown), shown[:40]


@pytest.mark.slow
def test_groups_only_on_request(polnear_db):
    top = [r["speaker"] for r in json.loads(_run("stats", "--by", "speaker", "--format", "json",
                                                  "--db", str(polnear_db)))[:30]]
    every = [r["speaker"] for r in json.loads(_run("stats", "--by", "speaker", "--unresolved",
                                                    "--format", "json", "--db", str(polnear_db)))]
    groups = {s[len("group ("):-1].casefold() for s in every if s.startswith("group (")}
    assert {"democrats", "republicans", "officials", "critics"} <= groups, sorted(groups)[:40]
    assert not [s for s in top if s.casefold() in groups or s.startswith("group (")], top
