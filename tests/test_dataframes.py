"""store.frame / unspun.frame: the exported tables' rows, typed, narrowed by search filters."""
from __future__ import annotations

import json
import math

import pytest

pd = pytest.importorskip("pandas")

import unspun  # noqa: E402
from test_store_support import corpus, make_record, store, target  # noqa: E402,F401
from unspun.errors import UnspunError  # noqa: E402
from unspun.store import TABLES  # noqa: E402
from unspun.store.rows import COLUMNS  # noqa: E402


def _norm(value):
    """One cell as exported JSON and as a DataFrame cell compare equal (dates as ISO days)."""
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float)
                                                               and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value


def _rows(df, cols, dates=()):
    out = []
    for row in df[list(cols)].astype(object).itertuples(index=False):
        cells = []
        for c, v in zip(cols, row):
            v = _norm(v)
            if c in dates and isinstance(v, str):
                v = v[:10]
            cells.append(v)
        out.append(tuple(cells))
    return sorted(out, key=repr)


def test_every_exported_table_has_the_same_rows(store, tmp_path):
    store.add(corpus())
    store.add_errors([unspun.Problem.make("U102", "in/empty.txt")])
    written = store.export(tmp_path / "out", "jsonl")
    for table in TABLES:
        exported = [json.loads(line) for line in written[table].read_text("utf-8").splitlines()]
        assert exported, table
        cols = [c for c in COLUMNS[table] if c not in ("month", "added_at", "at")]
        want = sorted((tuple(r[c] for c in cols) for r in exported), key=repr)
        got = _rows(store.frame(table), cols, dates=("published",))
        assert got == want, table
    # the two timestamps, compared as instants
    arts = store.frame("articles")
    exported = {json.loads(line)["id"]: json.loads(line)
                for line in written["articles"].read_text("utf-8").splitlines()}
    for rid, added, month in zip(arts["id"], arts["added_at"], arts["month"]):
        assert added == pd.Timestamp(exported[rid]["added_at"])
        assert month.strftime("%Y-%m") == exported[rid]["month"]


def test_columns_are_typed_and_every_row_has_article_outlet_date(store):
    store.add(corpus())
    quotes = store.frame("quotes")
    assert str(quotes["published"].dtype).startswith("datetime64")
    assert isinstance(quotes["source"].dtype, pd.CategoricalDtype)
    assert quotes["start_char"].dtype == "int64"
    techs = store.frame("techniques")
    for col in ("label", "voice", "voice_kind"):
        assert isinstance(techs[col].dtype, pd.CategoricalDtype), col
    assert techs["score"].dtype == "float64"
    for table in ("entities", "mentions", "quotes", "techniques", "frames", "agencies"):
        df = store.frame(table)
        assert {"article_id", "source", "published"} <= set(df.columns), table
        assert df["source"].notna().all() and df["published"].notna().all(), table
    by_id = {r.id: r for r in corpus()}
    for rid, src, day in zip(quotes["article_id"], quotes["source"], quotes["published"]):
        assert src == by_id[rid].source and day.strftime("%Y-%m-%d") == by_id[rid].published
    # a groupby needs no join: techniques by outlet and voice
    counts = techs.groupby(["source", "voice_kind"], observed=True).size().to_dict()
    assert counts == {("Daily Planet", "author"): 1, ("Daily Planet", "quoted"): 1,
                      ("Gotham Gazette", "author"): 1}


def test_filters_select_articles_like_search_and_narrow_the_table(store):
    recs = corpus()
    store.add(recs)
    arts = store.frame("articles", source="Gotham Gazette")
    assert set(arts["id"]) == {recs[2].id, recs[3].id}
    assert set(store.frame("articles", since="2023-10")["id"]) == {recs[1].id, recs[2].id,
                                                                   recs[3].id}
    assert set(store.frame("quotes", until="2023-10")["article_id"]) == {
        recs[0].id, recs[1].id, recs[2].id}
    # the same articles as `search` finds with the same filters
    for filters in ({"speaker": "lois"}, {"technique": "doubt"}, {"voice": "quoted"},
                    {"frame": "economic"}, {"entity": "wayne"}):
        hits = {h["article_id"] for h in store.search(None, limit=100, **filters)}
        assert set(store.frame("articles", **filters)["id"]) == hits, filters
    # a filter on the table itself narrows its rows
    lois = store.frame("quotes", speaker="lois")
    assert list(lois["speaker"]) == ["Lois Lane", "Lois Lane"]
    author = store.frame("techniques", voice="author")
    assert set(author["voice"]) == {"author"} and len(author) == 2
    assert list(store.frame("techniques", technique="exaggeration")["label"]) == ["exaggeration"]
    assert set(store.frame("frames", frame="economic")["label"]) == {"economic"}
    # a filter on another table selects articles, all their rows stay
    econ_quotes = store.frame("quotes", frame="economic")
    assert set(econ_quotes["article_id"]) == {recs[0].id, recs[2].id}
    with pytest.raises(UnspunError) as err:
        store.frame("quotes", since="last week")
    assert err.value.problem.code == "U504"
    with pytest.raises(UnspunError) as err:
        store.frame("bogus")
    assert err.value.problem.code == "U521"
    with pytest.raises(TypeError):
        store.frame("quotes", colour="red")


def test_stories_frame_lists_each_article_of_each_story(store):
    recs = [make_record(i, source=src, published="2023-09-2%d" % i, topic="harbour bridge",
                        said="the harbour bridge will reopen after repairs", title=f"Bridge {i}")
            for i, src in enumerate(["Daily Planet", "Gotham Gazette", "Daily Planet"], 1)]
    store.add(recs)
    unspun.stories.assign(store)
    df = store.frame("stories")
    assert sorted(df["article_id"]) == sorted(r.id for r in recs)
    listed = {s["id"]: s for s in unspun.stories.list_stories(store)}
    assert set(df["story_id"]) == set(listed)
    for sid, title in zip(df["story_id"], df["story_title"]):
        assert title == listed[sid]["title"]
    assert set(store.frame("stories", source="Gotham Gazette")["article_id"]) == {recs[1].id}


def test_records_not_stored_give_the_stored_rows(store):
    recs = corpus()
    store.add(recs)
    for table in ("articles", "entities", "mentions", "quotes", "techniques", "frames",
                  "agencies"):
        cols = [c for c in store.frame(table).columns if c not in ("added_at",)]
        assert _rows(unspun.frame(recs, table), cols) == _rows(store.frame(table), cols), table
    one = unspun.frame(recs[1], "techniques")
    assert list(one["voice_kind"]) == ["quoted"]
    filtered = unspun.frame(recs, "quotes", source="Daily Planet", speaker="perry")
    assert list(filtered["speaker"]) == ["Perry White"]
    with pytest.raises(UnspunError) as err:
        unspun.frame(recs, "stories")
    assert err.value.problem.code == "U522"


def test_without_pandas_the_error_names_the_extra(tmp_path):
    """U520, in a real interpreter where pandas cannot be imported."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['pandas'] = None\n"
            "import unspun\n"
            "from test_store_support import corpus\n"
            "try:\n    unspun.frame(corpus(), 'quotes')\n"
            "except unspun.UnspunError as exc:\n    print(exc.problem.code, exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=str(__import__("pathlib").Path(__file__).parent), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("U520") and "unspun[notebook]" in out.stdout
