"""Parts of the Ray engine that run without Ray: listing inputs, reading files, the actor class."""
from __future__ import annotations

import json

from unspun.engines.ray_source import decode, encode, expand_inputs, read_file
from unspun.errors import Problem
from unspun.readers import read_inputs


def test_local_paths_keep_their_spelling_and_missing_ones_are_coded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.txt").write_text("Two.", "utf-8")
    (tmp_path / "in" / "a.txt").write_text("One.", "utf-8")
    (tmp_path / "in" / ".hidden.txt").write_text("No.", "utf-8")
    got = list(expand_inputs(["in", "nowhere.txt", "-"]))
    assert got[:2] == [{"path": str(tmp_path / "in" / "a.txt"), "origin": "in/a.txt"},
                       {"path": str(tmp_path / "in" / "b.txt"), "origin": "in/b.txt"}]
    assert [(p.code, p.origin) for p in got[2:]] == [("U101", "nowhere.txt"), ("U803", "-")]


def test_uris_are_listed_through_pyarrow(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.jsonl").write_text('{"text": "Hi there."}\n', "utf-8")
    (tmp_path / "y.csv").write_text("text\nHello.\n", "utf-8")
    got = list(expand_inputs([f"file://{tmp_path}", f"file://{tmp_path}/gone"]))
    assert [g["origin"] for g in got[:2]] == [f"file://{tmp_path}/sub/x.jsonl",
                                              f"file://{tmp_path}/y.csv"]
    assert isinstance(got[2], Problem) and got[2].code == "U101"
    texts = [a.text for g in got[:2] for a in read_file(g["path"], g["origin"])]
    assert texts == ["Hi there.", "Hello."]


def test_files_read_as_the_local_readers_read_them(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "A day in Rome.", "date": "5 May 2021", "tag": [1]})
                    + "\n{oops\n", "utf-8")
    ours = list(read_file(str(path), str(path)))
    theirs = list(read_inputs([str(path)]))
    assert ours == theirs
    assert [type(x).__name__ for x in ours] == ["Article", "Problem"]
    assert [decode(encode(x)) for x in ours] == ours


def test_parquet_rows_and_broken_parquet(tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([
        {"body": "Rain in Oslo.", "published": dt.date(2020, 1, 2), "outlet": "NRK"},
        {"body": "", "published": None, "outlet": "NRK"}]), tmp_path / "a.parquet")
    first, second = read_file(str(tmp_path / "a.parquet"), "a.parquet")
    assert (first.text, first.published, first.source, first.origin) == \
        ("Rain in Oslo.", "2020-01-02", "NRK", "a.parquet[0]")
    assert (second.code, second.origin) == ("U102", "a.parquet[1]")
    (tmp_path / "b.parquet").write_bytes(b"not parquet at all")
    [problem] = read_file(str(tmp_path / "b.parquet"), "b.parquet")
    assert problem.code == "U109" and "Parquet" in problem.message
    (tmp_path / "c.xyz").write_text("x", "utf-8")
    assert [p.code for p in read_file(str(tmp_path / "c.xyz"), "c.xyz")] == ["U111"]


def test_the_actor_class_skips_stored_articles_and_counts_a_repeat_once(tmp_path):
    import numpy as np

    import unspun
    from unspun.engines.ray_engine import Analyzer
    from unspun.readers.article import Article

    db = str(tmp_path / "news.db")
    unspun.open_store(db).close()
    one, two = Article("Rain fell in Oslo today.", "a"), Article("Sun shone in Rome.", "b")
    actor = Analyzer(components=["segment"], db=db, write=True)  # a plain class outside Ray
    out = actor({"item": np.array([encode(one), encode(two), encode(one), encode(Problem.make(
        "U102", "c"))], dtype=object)})
    assert out["kind"] == ["added", "added", "duplicate", "problem"]
    out = actor({"item": np.array([encode(two)], dtype=object)})
    assert out["kind"] == ["skipped"]
    with unspun.open_store(db) as store:
        assert store.count() == 2 and [e["code"] for e in store.errors()] == ["U102"]
