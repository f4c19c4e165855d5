"""The Store interface, run against both backends (SQLite file, real PostgreSQL)."""
from __future__ import annotations

import csv
import json

import pytest

import unspun
from unspun.errors import Problem
from unspun.record import check_spans
from unspun.store import StoreError

from test_store_support import corpus, make_record, store, target  # noqa: F401  (fixtures)


def ids(hits):
    return [h["article_id"] for h in hits]


def test_records_round_trip_and_are_stored_once(store):
    recs = corpus()
    assert all(check_spans(r) == [] for r in recs)
    first = store.add(recs)
    assert sorted(first.added) == sorted(r.id for r in recs) and first.skipped == []
    again = store.add(recs + [recs[0]])
    assert again.added == [] and len(again.skipped) == 5
    assert store.count() == 4
    assert store.has([recs[0].id, "nope"]) == {recs[0].id}
    assert store.get(recs[1].id) == recs[1]
    assert store.get("nope") is None
    assert sorted(r.id for r in store.records()) == sorted(r.id for r in recs)
    assert len(list(store.rows("quotes"))) == 4
    assert len(list(store.rows("techniques"))) == 3


def test_replace_updates_children_and_search(store):
    rec = make_record(1, technique="loaded_language")
    store.add([rec])
    rec.techniques[0]["label"] = "name_calling"
    assert store.add([rec], replace=True).added == [rec.id]
    assert store.count() == 1
    assert [t["label"] for t in store.rows("techniques")] == ["name_calling"]
    assert ids(store.search("bridge")) == [rec.id]
    assert len(store.search("bridge", kind="quote")) == 1


def test_migrations_are_named_recorded_and_applied_once(target):
    with unspun.open_store(target) as s:
        s.add([make_record(1)])
        names = s.migrations()
        assert names == sorted(names) and names[0] == "0001_tables"
        assert s.schema_version() == len(names)
    with unspun.open_store(target) as s:  # reopening applies nothing twice, keeps the data
        assert s.migrations() == names and s.count() == 1


def test_search_ranks_and_highlights(store):
    store.add(corpus())
    hits = store.search("budget")
    assert set(ids(hits)) == {corpus()[1].id, corpus()[2].id}
    assert all("**" in h["snippet"] and "budget" in h["snippet"].lower() for h in hits)
    assert hits[0]["score"] >= hits[-1]["score"]
    assert ids(store.search('"city needs trains"')) == [corpus()[3].id]
    assert ids(store.search("budget -taxes")) == [corpus()[2].id]
    assert set(ids(store.search("railway OR bridge"))) == {corpus()[0].id, corpus()[3].id}
    assert set(ids(store.search("rail*"))) == {corpus()[3].id}
    assert store.search("zeppelin") == []


@pytest.mark.parametrize("per_article", [False, True])
def test_search_filters(store, per_article):
    recs = corpus()
    store.add(recs)
    if per_article:  # SQLite: check child-table filters article by article, not as a list
        store.filter_min = 0
    assert set(ids(store.search("budget", source="Gotham Gazette"))) == {recs[2].id}
    assert set(ids(store.search(None, source=["Daily Planet"]))) == {recs[0].id, recs[1].id}
    assert ids(store.search(None, since="2023-10")) == [recs[3].id, recs[2].id, recs[1].id]
    assert set(ids(store.search(None, until="2023-10"))) == {recs[0].id, recs[1].id, recs[2].id}
    assert set(ids(store.search(None, since="2023-10-02", until="2023-10-02"))) == {recs[1].id}
    assert set(ids(store.search(None, speaker="lane"))) == {recs[0].id, recs[2].id}
    assert set(ids(store.search(None, entity="Bruce"))) == {recs[3].id}
    assert set(ids(store.search(None, technique="doubt"))) == {recs[2].id}
    assert set(ids(store.search(None, voice="author"))) == {recs[0].id, recs[2].id}
    assert set(ids(store.search(None, voice="quoted"))) == {recs[1].id}
    assert set(ids(store.search(None, technique="exaggeration", voice="author"))) == set()
    assert set(ids(store.search(None, frame="economic"))) == {recs[0].id, recs[2].id}
    page = [ids(store.search(None, limit=1, offset=i)) for i in range(4)]
    assert [p[0] for p in page] == [recs[3].id, recs[2].id, recs[1].id, recs[0].id]


def test_quote_search(store):
    recs = corpus()
    store.add(recs)
    hits = store.search("budget", kind="quote")
    assert [(h["speaker"], h["content"]) for h in hits] == [("Lois Lane", "the budget is a mess")]
    assert "**budget**" in hits[0]["snippet"]
    hits = store.search(None, kind="quote", speaker="lois")
    assert {h["article_id"] for h in hits} == {recs[0].id, recs[2].id}
    hits = store.search(None, kind="quote", technique="exaggeration")
    assert [h["speaker"] for h in hits] == ["Perry White"]
    with pytest.raises(StoreError) as err:
        store.search("x", kind="quote", voice="author")
    assert err.value.code == "U504"


HOSTILE = [
    '"', '""', "'", "' OR 1=1 --", "'; DROP TABLE articles; --", 'budget" OR "1"="1',
    "NEAR(budget mess)", "budget AND", "OR", "NOT budget", "-", "*", "budget*", "(budget",
    "title:budget", "{budget}", "^budget", "\\", "%", "_", "budget\x00", "Robert'); --",
    "x" * 999, "budget " * 200, "ü∂ƒ©", "\u202e", "AND OR NOT", "a:b:c", "col : x",
]


@pytest.mark.parametrize("kind", ["article", "quote"])
def test_hostile_queries_give_results_or_a_clear_error(store, kind):
    store.add(corpus())
    for query in HOSTILE + ["x" * 5000]:
        try:
            hits = store.search(query, kind=kind, speaker=query[:50], entity=query[:50])
        except StoreError as exc:
            assert exc.code == "U504", (query, exc)
            assert "bad search" in str(exc)
        else:
            assert isinstance(hits, list), query
    assert store.count() == 4
    assert len(store.search("budget")) == 2


def test_bad_filters_are_clear_errors(store):
    for kwargs in ({"since": "yesterday"}, {"until": "2023-13-45x"}, {"voice": "editor"},
                   {"kind": "person"}, {"limit": -1}):
        with pytest.raises(StoreError) as err:
            store.search("x", **kwargs)
        assert err.value.code == "U504"
    with pytest.raises(StoreError):
        store.stats(by="weather")


def test_who_gathers_quotes_by_outlet_and_mentions(store):
    recs = corpus()
    store.add(recs)
    who = store.who("lois lane")
    assert who["matched_names"] == ["lois lane"]
    assert [(q["source"], q["content"]) for q in who["quotes"]] == [
        ("Daily Planet", "the bridge will open in May"), ("Gotham Gazette", "the budget is a mess")]
    assert {r["source"]: r["quotes"] for r in who["quotes_by_source"]} == {
        "Daily Planet": 1, "Gotham Gazette": 1}
    assert all("**Lois Lane**" in m["context"] for m in who["mentions"])
    assert store.who("nobody at all")["quotes"] == []


def test_stats(store):
    store.add(corpus())
    [total] = store.stats()
    assert total["articles"] == 4 and total["quotes"] == 4 and total["speakers"] == 3
    assert total["techniques_author"] == 2 and total["techniques_quoted"] == 1
    assert total["author_per_1k_words"] == round(2000 / total["words"], 2)
    assert total["top_frames"].startswith("economic (2)")
    by_source = {r["source"]: r for r in store.stats("source")}
    assert by_source["Gotham Gazette"]["articles"] == 2
    assert by_source["Daily Planet"]["techniques_quoted"] == 1
    months = [r["month"] for r in store.stats("month")]
    assert months == ["2023-09", "2023-10", "2024-01"]
    speakers = store.stats("speaker")
    assert speakers[0]["speaker"] == "Lois Lane" and speakers[0]["quotes"] == 2
    assert speakers[0]["sources"] == 2
    techs = {r["technique"]: r for r in store.stats("technique")}
    assert techs["exaggeration"]["quoted"] == 1 and techs["exaggeration"]["author"] == 0


def test_errors_table(store):
    store.add_errors([Problem.make("U102", "in/9.txt"), Problem.make("U102", "in/9.txt"),
                      Problem.make("U103", "in/1.txt")])
    assert [(e["input"], e["code"]) for e in store.errors()] == [("in/9.txt", "U102"),
                                                                 ("in/1.txt", "U103")]
    store.add([make_record(1)])  # in/1.txt now stored: its old failure no longer counts
    assert [e["input"] for e in store.errors()] == ["in/9.txt"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(store, tmp_path, fmt):
    recs = corpus()
    store.add(recs)
    files = store.export(tmp_path / "out", fmt)
    lines = files["records"].read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(x)["id"] for x in lines) == sorted(r.id for r in recs)
    if fmt == "jsonl":
        quotes = [json.loads(x) for x in files["quotes"].read_text().splitlines()]
    elif fmt == "csv":
        with open(files["quotes"], newline="", encoding="utf-8") as fh:
            quotes = list(csv.DictReader(fh))
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        quotes = pq.read_table(files["quotes"]).to_pylist()
        assert pq.read_table(files["articles"]).column("words").type.bit_width == 64
    assert sorted(q["speaker"] for q in quotes) == ["Bruce Wayne", "Lois Lane", "Lois Lane",
                                                    "Perry White"]
    assert {"articles", "entities", "mentions", "techniques", "frames", "agencies"} <= set(files)


def test_rows_rejects_unknown_tables(store):
    with pytest.raises(ValueError):
        list(store.rows("sqlite_master"))


def test_real_record_round_trips_exactly(store, seed_record):
    store.add([seed_record])
    back = store.get(seed_record.id)
    assert back == seed_record
    assert back.to_dict() == seed_record.to_dict()
    assert check_spans(back) == []


def test_postgres_connection_problems_are_clear():
    with pytest.raises(StoreError) as err:
        unspun.open_store("postgresql://127.0.0.1:1/test", connect_timeout=2)
    assert err.value.code == "U505" and "127.0.0.1:1" in str(err.value)
    with pytest.raises(StoreError) as err:  # the schema name is never pasted into SQL
        unspun.open_store('postgresql://127.0.0.1:5432/test?schema=x";drop schema public;--')
    assert err.value.code == "U505" and "plain SQL name" in str(err.value)


@pytest.mark.parametrize("dense_share", [1, 10])  # SQLite: test matches as a list / row by row
def test_queries_matching_many_rows_list_newest_first(store, dense_share):
    """Past rank_limit matches, hits are every match, newest first and unscored."""
    recs = corpus()
    store.add(recs)
    ranked = store.search("city")
    store.rank_limit = 1
    store.dense_share = dense_share
    newest = store.search("city")
    assert sorted(ids(newest)) == sorted(ids(ranked)) == sorted(r.id for r in recs)
    assert ids(newest) == [recs[3].id, recs[2].id, recs[1].id, recs[0].id]
    assert all(h["score"] is None and "**" in h["snippet"] for h in newest)
    assert ids(store.search("city", source="Daily Planet")) == [recs[1].id, recs[0].id]
    assert ids(store.search("city", speaker="lane")) == [recs[2].id, recs[0].id]
    quotes = store.search("bridge OR budget OR city", kind="quote")
    assert [h["speaker"] for h in quotes] == ["Bruce Wayne", "Lois Lane", "Lois Lane"]
    assert [h["speaker"] for h in store.search("bridge OR budget OR city", kind="quote",
                                               speaker="lois")] == [
        "Lois Lane", "Lois Lane"]
