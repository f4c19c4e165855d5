"""The Ray engine on a real local Ray (2 CPUs): same records as the local engine,
bad inputs reported, a killed worker loses and duplicates nothing, shards and Parquet.

One Ray instance serves the whole module (starting one takes seconds).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import ray
from click.testing import CliRunner

import unspun
from unspun.cli import cli
from unspun.engines.ray_engine import ray_analyze, ray_ingest
from unspun.ingest import ingest

from test_store_support import db_target, drop_schema, pg_available

CITIES = ["Lyon", "Porto", "Ghent", "Turku", "Split", "Brno"]


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def article(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (f"{city.upper()} — The council of {city} approved bridge number {i} on Monday. "
            f'"This bridge will change the city," said Mayor Anna Berg, who backed plan {i}. '
            f"Opponents called project {i} a reckless waste of money, the Reuters agency said.")


def rows(start: int, n: int) -> list[dict]:
    return [{"text": article(i), "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
             "source": f"Outlet {i % 3}", "title": f"Bridge {i}"} for i in range(start, start + n)]


def write_inputs(folder: Path) -> Path:
    """Text files, JSON Lines with a broken line, CSV, two bad files and one of another type
    (skipped): 9 articles."""
    folder.mkdir(parents=True)
    for i, row in enumerate(rows(0, 4)):
        (folder / f"a{i}.txt").write_text(f"date {row['date']}\nsource: {row['source']}\n"
                                          f"title: {row['title']}\n\n{row['text']}\n", "utf-8")
    lines = [json.dumps(r) for r in rows(4, 3)]
    (folder / "feed.jsonl").write_text("\n".join(lines[:2] + ["{broken"] + lines[2:]) + "\n",
                                       "utf-8")
    import csv

    with open(folder / "sheet.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["text", "date", "source", "title"])
        writer.writeheader()
        writer.writerows(rows(7, 2))
    (folder / "empty.txt").write_text("  \n", "utf-8")
    (folder / "blob.bin").write_bytes(b"\x00\x01\x02")
    return folder


def by_id(store) -> dict[str, dict]:
    return {r.id: r.to_dict() for r in store.records()}


def error_keys(store) -> set[tuple[str, str]]:
    return {(e["code"], e["input"]) for e in store.errors()}


def test_ray_ingest_stores_the_local_engines_records_and_reports_bad_inputs(tmp_path):
    inputs = str(write_inputs(tmp_path / "in"))
    with unspun.open_store(tmp_path / "local.db") as local, \
            unspun.open_store(tmp_path / "ray.db") as distributed:
        ingest([inputs], local)
        summary = ray_ingest([inputs, str(tmp_path / "missing")], distributed, workers=2,
                             ray_batch=3)
        assert (summary.added, summary.failed, summary.duplicates) == (9, 3, 0)
        assert by_id(distributed) == by_id(local)
        assert len(by_id(local)) == 9
        assert error_keys(distributed) == error_keys(local) | {("U101", str(tmp_path / "missing"))}
        assert {c for c, _ in error_keys(local)} == {"U102", "U104"}  # blob.bin: skipped


@pytest.mark.slow
def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, row in enumerate(rows(0, 12)):
        (folder / f"a{i:02d}.txt").write_text(f"date {row['date']}\n\n{row['text']}\n", "utf-8")
    expected = {r.id for r in unspun.analyze_paths([str(folder)], components=["segment"])}
    assert len(expected) == 12
    target, schema = db_target("postgres" if pg_available() is None else "sqlite", tmp_path)
    marker = tmp_path / "killed"
    try:
        with unspun.open_store(target) as store:
            first = ray_ingest([str(folder)], store, workers=2, ray_batch=2,
                               components=["segment"], fault=(str(marker), 2))
            pid = int(marker.read_text())
            assert pid != os.getpid()
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)  # the actor's process really died
            assert (first.added, first.duplicates, first.failed) == (12, 0, 0)
            assert {r.id for r in store.records()} == expected
            assert store.count() == 12 and store.errors() == []
        result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", target, "--engine", "ray",
                                          "--workers", "2", "--components", "segment",
                                          "--quiet"])
        assert result.exit_code == 0, result.output
        assert "0 stored; 12 already stored; 0 failed" in result.output
    finally:
        if schema:
            drop_schema(schema)


def test_parquet_rows_and_shards_from_the_cli(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = rows(20, 3)
    src = tmp_path / "src"
    src.mkdir()
    pq.write_table(pa.Table.from_pylist(data), src / "news.parquet")
    (src / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in data), "utf-8")
    (src / "bad.parquet").write_bytes(b"PAR1 not really parquet")
    got = list(ray_analyze([f"file://{src}"], workers=1, components=["segment", "dateline"]))
    records = [g for g in got if isinstance(g, unspun.Record)]
    problems = [g for g in got if not isinstance(g, unspun.Record)]
    assert [p.code for p in problems] == ["U109"] and problems[0].origin.endswith("bad.parquet")
    by_input = {r.meta["input"].rsplit("/", 1)[1]: r for r in records}
    for i in range(3):
        from_parquet, from_jsonl = by_input[f"news.parquet[{i}]"], by_input[f"news.jsonl:{i + 1}"]
        assert from_parquet.id == from_jsonl.id
        assert from_parquet.published == data[i]["date"] and from_parquet.dateline is not None

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyze", str(src / "news.jsonl"), str(src / "bad.parquet"),
                                      "--engine", "ray", "--workers", "1", "--out", str(out),
                                      "--components", "segment"])
    assert result.exit_code == 1, result.output
    lines = (out / "records-00000.jsonl").read_text("utf-8").splitlines()
    assert sorted(json.loads(x)["id"] for x in lines) == sorted(by_input[f"news.jsonl:{i}"].id
                                                                 for i in (1, 2, 3))
    assert [json.loads(x)["code"] for x in (out / "errors.jsonl").read_text().splitlines()] \
        == ["U109"]


def test_ray_runs_a_model_file_as_the_local_engine_does(tmp_path):
    """--model is a pipeline component on Ray too: the shipped layer given as a model file
    gives the local default pipeline's records."""
    shipped = str(Path(unspun.__file__).parent / "data" / "rhetoric.model")
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows(40, 3)), "utf-8")
    local = {r.id: r.to_dict() for r in unspun.analyze_paths([str(src)])}
    got = {r.id: r.to_dict() for r in ray_analyze([str(src)], workers=1, models=[shipped])}
    assert len(local) == 3 and got == local
    from unspun.pipeline.runner import default_components

    bare = [n for n in default_components() if n != "rhetoric"]
    assert {r.id: r.to_dict() for r in unspun.analyze_paths([str(src)], components=bare)} \
        != local  # the learned layer changes these records: the model did run on Ray
