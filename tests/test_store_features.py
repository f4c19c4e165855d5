"""Room to grow in the store: named migration sets per feature, the public SQL API, one list
of tables, and the records' extension namespace in exports; on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import json
from dataclasses import fields
from pathlib import Path

import pytest
from test_store_support import make_record, target  # noqa: F401  (fixture)

import unspun
from unspun.record import Record
from unspun.store import StoreError
from unspun.store.migrations import register_migrations, unregister_migrations
from unspun.store.tables import COLUMNS, TABLES

ROOT = Path(__file__).resolve().parents[1]
CORE = ["0001_tables", "0002_indexes", "0003_fulltext", "0004_newest_first",
        "0005_filter_indexes"]
# the built-in features' sets, in the order migrations() lists them (by name)
FEATURES = ["actors_0001_tables", "actors_0002_groups", "alerts_0001_tables",
            "stories_0001_tables", "stories_0002_list_indexes", "watch_0001_tables"]


def with_ext(n: int, ext: dict) -> Record:
    """A record built from a record dict carrying ``ext`` (kept as an attribute where
    ``Record`` has no ``ext`` field yet)."""
    data = make_record(n).to_dict()
    data["ext"] = ext
    rec = Record.from_dict(data)
    if getattr(rec, "ext", None) != ext:
        rec.ext = ext
    return rec


def as_before_0006(store) -> None:
    """Turn a fresh database into one the previous release wrote (its migrations table and
    its articles table without ``ext``)."""
    with store.transaction() as tx:
        tx.execute("ALTER TABLE articles DROP COLUMN ext")
        tx.execute("DELETE FROM migrations WHERE name = ?", ["0006_article_ext"])
        tx.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                   [str(len(CORE) + 2)])  # core, actors and stories


def test_a_database_from_before_opens_and_upgrades(target, tmp_path):
    old = make_record(1)
    with unspun.open_store(target) as store:
        store.add([old])
        as_before_0006(store)
        assert store.migrations() == [*CORE, *FEATURES]
    with unspun.open_store(target, readonly=True) as store:  # not upgraded: ext reads empty
        assert [r["ext"] for r in store.rows("articles")] == [None]
        store.export(tmp_path / "ro", "csv")
    with unspun.open_store(target) as store:  # writable: the missing migration is applied
        assert store.migrations() == [*CORE, "0006_article_ext", *FEATURES]
        assert store.schema_version() == len(CORE) + 1 + len(FEATURES)
        store.add([with_ext(2, {"wordcount": {"words": 9}})])
        assert store.get(old.id) == old and len(store.search("bridge")) == 2
        ext = {r["id"]: r["ext"] for r in store.rows("articles")}
        assert ext[old.id] is None and json.loads(ext[make_record(2).id]) == {
            "wordcount": {"words": 9}}
        assert store.query("SELECT count(*) FROM story_articles") == [(0,)]


def test_a_feature_owns_its_migration_set(target):
    def bookmarks(dialect, types):
        return [("bookmarks_0001_tables", [f"CREATE TABLE bookmarks (id {types['pk']}, "
                                           "query TEXT NOT NULL)"])]

    register_migrations("bookmarks", bookmarks)
    try:
        with unspun.open_store(target) as store:
            assert "bookmarks_0001_tables" in store.migrations()
            assert store.schema_version() == len(store.migrations())
            with store.transaction() as tx:
                tx.execute("INSERT INTO bookmarks (query) VALUES (?)", ["a page"])
                assert tx.one("SELECT count(*) FROM bookmarks") == (1,)
            with pytest.raises(RuntimeError):  # an error inside rolls the transaction back
                with store.transaction() as tx:
                    tx.execute("INSERT INTO bookmarks (query) VALUES (?)", ["another"])
                    raise RuntimeError("stop")
            assert store.query("SELECT query FROM bookmarks") == [("a page",)]
    finally:
        unregister_migrations("bookmarks")
    # without the feature the database is newer than this code knows: refused, untouched
    with pytest.raises(StoreError) as err:
        unspun.open_store(target)
    assert err.value.code == "U506"


def test_migration_names_carry_their_feature(tmp_path):
    register_migrations("bookmarks", lambda dialect, types: [("0001_bookmarks", ["SELECT 1"])])
    try:
        with pytest.raises(ValueError, match="bookmarks_"):
            unspun.open_store(tmp_path / "x.db")
    finally:
        unregister_migrations("bookmarks")


def test_a_read_only_store_refuses_a_transaction(tmp_path):
    unspun.open_store(tmp_path / "x.db").close()
    with unspun.open_store(tmp_path / "x.db", readonly=True) as store:
        with pytest.raises(StoreError) as err:
            with store.transaction() as tx:
                tx.execute("DELETE FROM articles")
        assert err.value.code == "U502"
        assert store.query("SELECT count(*) FROM articles WHERE source = ?", ["AP"]) == [(0,)]


def _imports(path: Path, package: str) -> set[str]:
    """Modules a file imports (module level or inside functions), as dotted names."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            mod = f"{base}.{node.module}" if node.module else base
            found.add(mod)
            found.update(f"{mod}.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_no_import_cycles_in_the_store():
    """No store module reaches back to itself (base <-> export was one), and the core schema
    does not import the features that add tables (store.schema -> stories was one)."""
    folder = ROOT / "unspun" / "store"
    graph = {f"unspun.store.{p.stem}": {m for m in _imports(p, "unspun.store")
                                        if m.startswith("unspun.store.")}
             for p in folder.glob("*.py") if p.stem != "__init__"}
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            mod = todo.pop()
            assert mod != start, f"import cycle through {start}"
            if mod not in seen:
                seen.add(mod)
                todo.extend(graph.get(mod, ()))
    assert not any(m.startswith("unspun.stories") for m in
                   _imports(folder / "schema.py", "unspun.store"))
    assert "unspun.store.base" not in _imports(folder / "export.py", "unspun.store")


def test_tables_come_from_one_list():
    from unspun import dataframes
    from unspun.store import TABLES as exported
    from unspun.store.rows import COLUMNS as row_columns

    assert exported is TABLES and row_columns is COLUMNS and tuple(COLUMNS) == TABLES
    assert dataframes.FRAME_TABLES == (*TABLES, "stories")


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_ext_is_a_json_column_of_the_exported_articles(tmp_path, fmt):
    if fmt == "parquet":
        pq = pytest.importorskip("pyarrow.parquet")
    ext = {"wordcount": {"words": 12}, "note": "naïve <b>"}
    recs = [with_ext(1, ext), make_record(2)]
    with unspun.open_store(tmp_path / "x.db") as store:
        store.add(recs)
        files = store.export(tmp_path / "out", fmt)
    if fmt == "csv":
        with open(files["articles"], encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    elif fmt == "parquet":
        rows = pq.read_table(files["articles"]).to_pylist()
    else:
        rows = [json.loads(line) for line in open(files["articles"], encoding="utf-8")]
    assert list(rows[0]) == list(COLUMNS["articles"])
    by_id = {r["id"]: r["ext"] for r in rows}
    assert json.loads(by_id[recs[0].id]) == ext
    assert by_id[recs[1].id] in (None, "")  # no extension data: an empty cell
    if "ext" in {f.name for f in fields(Record)}:  # the whole record keeps it too
        records = [json.loads(line) for line in open(files["records"], encoding="utf-8")]
        assert {r["id"]: r.get("ext") for r in records}[recs[0].id] == ext
