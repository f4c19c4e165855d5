"""Stories: grouping, time window, incremental assignment, wire copy, on both backends."""
from __future__ import annotations

import pytest
from stories_corpus import EVENTS, article, corpus, marked
from test_store_support import store, target  # noqa: F401  (fixtures)

from unspun.stories import assign, list_stories, story, wire_copies


def story_of(store) -> dict[str, int]:
    return {r[0]: r[1] for r in store._fetch("SELECT article_id, story_id FROM story_articles")}


def event_of(rec) -> str:
    return rec.title.split(": ")[1].split()[0]


def test_story_tables_are_a_recorded_migration(store):
    assert "stories_0001_tables" in store.migrations()
    assert store.schema_version() == len(store.migrations())


def test_each_event_becomes_one_story_across_outlets(store):
    recs = corpus()
    store.add(recs)
    summary = assign(store)
    assert summary["assigned"] == 9 and summary["new_stories"] == 3
    sid = story_of(store)
    by_event: dict[str, set[int]] = {}
    for rec in recs:
        by_event.setdefault(event_of(rec), set()).add(sid[rec.id])
    assert all(len(ids) == 1 for ids in by_event.values())
    assert len(set().union(*by_event.values())) == 3
    listed = list_stories(store)
    assert sorted(s["articles"] for s in listed) == [3, 3, 3]
    assert all(s["sources"] == 3 and len(s["outlets"]) == 3 for s in listed)
    quake = next(s for s in listed if s["first_published"] == EVENTS["quake"][2])
    assert quake["last_published"] == EVENTS["quake"][2]


def test_time_window_separates_the_same_words_a_month_apart(store):
    early = article("bank", "Daily Planet", published="2023-01-05")
    near = article("bank", "Morning Star", published="2023-01-07")
    late = article("bank", "Evening Post", published="2023-02-20")
    store.add([early, near, late])
    assign(store, window=3)
    sid = story_of(store)
    assert sid[early.id] == sid[near.id] != sid[late.id]
    assert [s["first_published"] for s in list_stories(store, since="2023-02-01")] == \
        ["2023-02-20"]


def test_new_articles_join_existing_stories_without_recomputing(store):
    first = [article(e, o, shift=i) for e in ("quake", "football")
             for i, o in enumerate(("Daily Planet", "Morning Star"))]
    store.add(first)
    assign(store)
    before = store._fetch("SELECT article_id, story_id, assigned_at FROM story_articles "
                          "ORDER BY article_id")
    stories_before = {s["id"]: s for s in list_stories(store)}
    late = article("quake", "Evening Post", shift=2)
    other = article("bank", "Evening Post")
    store.add([late, other])
    summary = assign(store)
    assert summary["pending"] == 2 and summary["assigned"] == 2
    assert summary["joined"] == 1 and summary["new_stories"] == 1
    after = store._fetch("SELECT article_id, story_id, assigned_at FROM story_articles "
                         "ORDER BY article_id")
    assert [r for r in after if r[0] not in (late.id, other.id)] == before
    sid = story_of(store)
    assert sid[late.id] == sid[first[0].id]
    assert sid[other.id] not in stories_before
    assert assign(store)["pending"] == 0  # nothing left to do


def test_undated_articles_are_grouped_without_a_window(store):
    recs = [article(e, o, published=None, shift=i) for e in ("quake", "bank")
            for i, o in enumerate(("Daily Planet", "Morning Star"))]
    store.add(recs)
    assign(store)
    sid = story_of(store)
    assert sid[recs[0].id] == sid[recs[1].id] != sid[recs[2].id] == sid[recs[3].id]
    assert all(s["first_published"] is None for s in list_stories(store))


def test_threshold_one_keeps_every_article_apart(store):
    store.add(corpus()[:3])
    assert assign(store, threshold=1.01)["new_stories"] == 3


def _edit(paragraph: str, n: int) -> str:
    """Change one word in ``n`` (a light copy edit)."""
    words = paragraph.split(" ")
    words[len(words) // 2 + n] = "notably"
    return " ".join(words)


def test_wire_copy_links_near_duplicate_paragraphs(store):
    quake = EVENTS["quake"][0].split("\n\n")
    agency = marked("TOKYO (AP) — " + "\n\n".join(quake), ["Hokkaido"], source="AP Wire",
                    published="2023-10-03", title="Quake hits Hokkaido")
    agency.agencies = [{"name": "AP", "kind": "wire", "role": "dateline", "span": None}]
    copy = marked("Local desk note.\n\n" + "\n\n".join(_edit(p, i) for i, p in
                                                     enumerate(quake[:2])),
                  ["Hokkaido"], source="Daily Planet", published="2023-10-03",
                  title="Big quake in the north")
    copy.agencies = [{"name": "AP", "kind": "wire", "role": "credit", "span": None}]
    # the same event in other words: one sentence each from the first two paragraphs
    retold = marked("\n\n".join(p.split(",")[0] + " and more in our own words, with details "
                                "from our reporter who travelled there on the first train "
                                "north this morning." for p in quake[:2]),
                    ["Hokkaido"], source="Evening Post", published="2023-10-03",
                    title="Quake: our report")
    store.add([agency, copy, retold])
    assert assign(store)["wire_links"] == 1
    links = wire_copies(store, copy.id)
    assert [w["article_id"] for w in links] == [agency.id]
    assert links[0]["paragraphs"] == 2 and 0.6 <= links[0]["similarity"] < 1.0
    assert wire_copies(store, retold.id) == []
    sid = story_of(store)[agency.id]
    groups = story(store, sid)["wire"]
    assert [sorted(g["articles"]) for g in groups] == [sorted([agency.id, copy.id])]
    assert groups[0]["agencies"] == [{"name": "AP", "articles": 2}]


def test_unknown_story_is_a_coded_error(store):
    from unspun.store import StoreError

    for bad in (999, "abc"):
        with pytest.raises(StoreError) as info:
            story(store, bad)
        assert info.value.problem.code == "U701"
