"""unspun.plot: the web UI's charts as Plotly figures, with figures worked out from the corpus."""
from __future__ import annotations

import pytest

pytest.importorskip("plotly")

import unspun  # noqa: E402
from test_server_api_support import EVIL_SOURCE, evil_record  # noqa: E402
from test_store_support import corpus, make_record  # noqa: E402

PLANET, GAZETTE = "Daily Planet", "Gotham Gazette"


@pytest.fixture
def store(tmp_path):
    with unspun.open_store(tmp_path / "news.db") as s:
        s.add(corpus())
        yield s


def _per_k(n, words):
    return round(1000 * n / words, 2)


def test_articles_over_time_counts_each_outlets_months(store):
    fig = unspun.plot.articles_over_time(store)
    lines = {t.name: dict(zip(t.x, t.y)) for t in fig.data}
    # corpus(): Planet 2023-09-20, 2023-10-02; Gazette 2023-10-15, 2024-01-05
    assert lines == {PLANET: {"2023-09": 1, "2023-10": 1, "2024-01": 0},
                     GAZETTE: {"2023-09": 0, "2023-10": 1, "2024-01": 1}}


def test_techniques_per_thousand_words_by_voice(store):
    recs = corpus()
    fig = unspun.plot.techniques_by_voice(store)
    bars = {t.name: dict(zip(t.x, t.y)) for t in fig.data}
    words = {src: sum(len(r.text.split()) for r in recs if r.source == src)
             for src in (PLANET, GAZETTE)}
    # Planet: one author technique (record 1), one quoted (record 2); Gazette: one author (3)
    assert bars["author's voice"] == {PLANET: _per_k(1, words[PLANET]),
                                      GAZETTE: _per_k(1, words[GAZETTE])}
    assert bars["quoted voices"] == {PLANET: _per_k(1, words[PLANET]), GAZETTE: 0.0}


def test_frames_heatmap_is_the_share_of_each_outlets_articles(store):
    fig = unspun.plot.frames_heatmap(store)
    (heat,) = fig.data
    cells = {(y, x): z for y, row in zip(heat.y, heat.z) for x, z in zip(heat.x, row)}
    assert cells[(PLANET, "economic")] == 50.0 and cells[(PLANET, "political")] == 50.0
    assert cells[(GAZETTE, "economic")] == 50.0 and cells[(GAZETTE, "political")] == 0.0


def test_story_comparison_and_records_not_stored(tmp_path):
    recs = [make_record(i, source=src, published=f"2023-09-2{i}", topic="harbour bridge",
                        said="the harbour bridge will reopen after repairs",
                        technique="loaded_language" if src == PLANET else None,
                        title=f"Harbour bridge {i}")
            for i, src in enumerate([PLANET, GAZETTE, PLANET], 1)]
    with unspun.open_store(tmp_path / "s.db") as store:
        store.add(recs)
        unspun.stories.assign(store)
        (story,) = unspun.stories.list_stories(store)
        fig = unspun.plot.story_comparison(store, story["id"])
    bars = {t.name: dict(zip(t.x, t.y)) for t in fig.data}
    words = sum(len(r.text.split()) for r in recs if r.source == PLANET)
    # the story comparison counts words its own way (letters only): allow for that
    assert bars["author's voice"][GAZETTE] == 0.0
    assert bars["author's voice"][PLANET] == pytest.approx(_per_k(2, words), rel=0.1)
    assert bars["quoted voices"] == {PLANET: 0.0, GAZETTE: 0.0}
    assert "Harbour bridge" in fig.layout.title.text
    # a list of records draws the same chart as their store
    lines = {t.name: list(t.y) for t in unspun.plot.articles_over_time(recs).data}
    assert lines == {PLANET: [2], GAZETTE: [1]}


def test_names_show_as_typed_not_as_markup(tmp_path):
    fig = unspun.plot.techniques_by_voice([evil_record()])
    shown = list(fig.data[0].x)
    assert shown == [EVIL_SOURCE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")]
    assert "<" not in shown[0]
