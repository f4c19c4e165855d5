"""`unspun actors`, `stats --by speaker` and `who` over actors, through the real CLI and SQLite
(and PostgreSQL where said)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from test_store_support import target  # noqa: F401  (fixture: a store on each backend)

COMPONENTS = "segment,dateline,agencies,entities,quotes"
TEXTS = {
    "a1.txt": 'Senator Maria Lopez said on Monday that the bill would pass. '
              '"We have the votes," Lopez said.\n',
    "a2.txt": "MARIA LOPEZ told reporters on Tuesday that the vote was close.\n",
    "a3.txt": "Carlos Lopez, her brother, said he was proud of the work.\n\n"
              "Lopez said the family would celebrate.\n",
    "a4.txt": "The mayor spoke on Friday. He said the roads would reopen.\n",
    "a5.txt": "The council voted on Tuesday to close the Harlow Street library.\n\n"
              "Critics said the decision would hurt children. \"This is a sad day,\" local "
              "residents told reporters.\n\nDemocrats said they would fight the closure, while "
              "Republicans said the budget left no choice.\n",
}


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "unspun", *args], capture_output=True,
                          text=True, timeout=600)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def ingest(folder, db) -> None:
    run("ingest", str(folder), "--db", str(db), "--components", COMPONENTS, "--quiet")


def speakers(db, *extra: str) -> list[dict]:
    return json.loads(run("stats", "--by", "speaker", "--format", "json", "--db", str(db),
                          *extra).stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder.parent / "news.db"
    ingest(folder, db)
    return folder, db


def test_one_entry_per_person_and_pronouns_only_on_request(corpus):
    _, db = corpus
    rows = speakers(db)
    names = [r["speaker"] for r in rows]
    assert names.count("Maria Lopez") == 1 and "MARIA LOPEZ" not in names
    maria = next(r for r in rows if r["speaker"] == "Maria Lopez")
    assert maria["quotes"] == 3 and maria["articles"] == 2  # "MARIA LOPEZ" is her too
    assert "Carlos Lopez" in names  # same surname, another first name: another person
    assert not any(n.startswith("unresolved") for n in names)
    assert "unresolved (he)" in [r["speaker"] for r in speakers(db, "--unresolved")]


def test_ids_are_the_same_when_the_corpus_is_ingested_again(corpus, tmp_path):
    folder, db = corpus
    again = tmp_path / "again.db"
    ingest(folder, again)
    first = {r["speaker"]: r["actor"] for r in speakers(db)}
    second = {r["speaker"]: r["actor"] for r in speakers(again)}
    assert first == second and first["Maria Lopez"].startswith("A")


def test_merge_split_undo_recorded_and_kept_across_ingest(corpus, tmp_path):
    folder, _ = corpus
    db = tmp_path / "edits.db"
    ingest(folder, db)
    out = run("actors", "merge", "Maria Lopez", "Carlos Lopez", "--db", str(db)).stdout
    assert out.startswith("#1 ") and "merge" in out
    assert [r["speaker"] for r in speakers(db)].count("Carlos Lopez") == 0
    # a new article ingested later: the merge still holds
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "a5.txt").write_text("Carlos Lopez said on Sunday that the harvest was late.\n",
                                  encoding="utf-8")
    ingest(extra, db)
    maria = next(r for r in speakers(db) if r["speaker"] == "Maria Lopez")
    assert maria["quotes"] == 6
    variants = run("actors", "show", "Maria Lopez", "--db", str(db)).stdout
    assert "Carlos Lopez" in variants and "Maria Lopez" in variants

    run("actors", "split", "Maria Lopez", "Carlos Lopez", "--db", str(db))
    assert "Carlos Lopez" in [r["speaker"] for r in speakers(db)]
    run("actors", "undo", "--db", str(db))  # the split
    run("actors", "undo", "--db", str(db))  # the merge
    names = [r["speaker"] for r in speakers(db)]
    assert "Carlos Lopez" in names and "Maria Lopez" in names
    history = run("actors", "history", "--db", str(db)).stdout.splitlines()
    assert len(history) == 2 and all(line.endswith("(undone)") for line in history)
    done = run("actors", "undo", "--db", str(db), ok=False)
    assert done.returncode == 1 and "U724" in done.stderr


def test_bad_actor_names_are_coded_errors(corpus):
    _, db = corpus
    done = run("actors", "show", "Nobody Atall", "--db", str(db), ok=False)
    assert done.returncode == 1 and "U721" in done.stderr
    done = run("actors", "split", "Maria Lopez", "Maria Lopez", "--db", str(db), ok=False)
    assert done.returncode == 1 and "U723" in done.stderr


def test_who_goes_through_actors(corpus):
    _, db = corpus
    result = json.loads(run("who", "maria lopez", "--format", "json", "--db", str(db)).stdout)
    assert result["matched_names"] == ["maria lopez"]
    assert [a["name"] for a in result["actors"]] == ["Maria Lopez"]
    # her entity's quotes, and the one whose speaker the tagger left a plain "MARIA LOPEZ"
    assert sorted(q["speaker"] for q in result["quotes"]) == ["MARIA LOPEZ", "Maria Lopez",
                                                              "Maria Lopez"]
    assert "Maria Lopez" in result["actors"][0]["variants"]


def test_groups_are_speakers_shown_as_groups_and_left_out_of_the_ranking(corpus):
    _, db = corpus
    ranked = [r["speaker"] for r in speakers(db)]
    assert not [n for n in ranked if n.lower() in {"critics", "local residents", "democrats",
                                                     "republicans"} or n.startswith("group (")]
    every = [r["speaker"] for r in speakers(db, "--unresolved")]
    assert {"group (Critics)", "group (local residents)", "group (Democrats)",
            "group (Republicans)"} <= set(every)
    assert "Maria Lopez" in every and "Maria Lopez" in ranked
    # kept as speakers in the records
    found = json.loads(run("who", "critics", "--format", "json", "--db", str(db)).stdout)
    assert [q["speaker"] for q in found["quotes"]] == ["Critics"]


# `stats --by speaker` in a fresh process, with a record of whether spaCy was imported
# by the time the process ends (the check runs at exit, after the CLI's own exit)
_READ_ONLY_STATS = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('SPACY-IMPORTED', 'spacy' in sys.modules, file=sys.stderr))\n"
    "import runpy\n"
    "sys.argv = ['unspun', *sys.argv[1:]]\n"
    "runpy.run_module('unspun', run_name='__main__')\n")


def _ranked_in_fresh_process(db: str, *extra: str) -> tuple[list[str], bool]:
    done = subprocess.run([sys.executable, "-c", _READ_ONLY_STATS, "stats", "--by", "speaker",
                           "--format", "json", "--db", db, *extra],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    flag = [line.split()[1] for line in done.stderr.splitlines()
            if line.startswith("SPACY-IMPORTED ")]
    assert flag, done.stderr
    return [r["speaker"] for r in json.loads(done.stdout)], flag[-1] == "True"


def test_groups_judged_at_ingest_and_reading_them_loads_no_model(target, tmp_path):  # noqa: F811
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a1.txt", "a5.txt"):
        (folder / name).write_text(TEXTS[name], encoding="utf-8")
    ingest(folder, target)  # links the actors and judges the groups: a write
    ranked, loaded = _ranked_in_fresh_process(target)
    assert not loaded  # the ranking read stored judgements: no tagger, no spaCy at all
    assert "Maria Lopez" in ranked
    assert not [n for n in ranked if n.startswith("group (") or n.lower() in
                {"critics", "local residents", "democrats", "republicans"}]
    every, loaded = _ranked_in_fresh_process(target, "--unresolved")
    assert not loaded
    assert {"group (Critics)", "group (local residents)", "group (Democrats)",
            "group (Republicans)"} <= set(every)
