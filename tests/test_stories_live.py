"""Stories assigned as records are stored (unspun.stories.live), in the same transaction."""
from __future__ import annotations

import pytest

from test_store_support import corpus, store, target  # noqa: F401 - fixtures: both backends
from unspun.stories import assign
from unspun.stories.live import LiveAdder


def story_rows(store) -> dict[str, int]:
    return dict(store._fetch("SELECT article_id, story_id FROM story_articles"))


def test_records_get_their_stories_as_they_are_stored(store):
    records = corpus()
    adder = LiveAdder(store)
    result = adder.add(records)
    assert sorted(result.added) == sorted(r.id for r in records)
    assigned = story_rows(store)
    assert set(assigned) == {r.id for r in records} and adder.assigned == len(records)
    # storing them again stores and assigns nothing
    again = adder.add(records)
    assert again.added == [] and story_rows(store) == assigned
    assert assign(store)["assigned"] == 0  # nothing left for `unspun stories`


def test_the_same_grouping_as_unspun_stories(tmp_path):
    import unspun

    records = corpus()
    with unspun.open_store(tmp_path / "live.db") as live, \
            unspun.open_store(tmp_path / "batch.db") as batch:
        for rec in sorted(records, key=lambda r: r.published or ""):
            LiveAdder(live).add([rec])
        batch.add(records)
        assign(batch)

        def groups(s):
            by_story: dict[int, set[str]] = {}
            for aid, sid in story_rows(s).items():
                by_story.setdefault(sid, set()).add(aid)
            return sorted(sorted(g) for g in by_story.values())

        assert groups(live) == groups(batch)


def test_a_failure_after_storing_rolls_back_the_article_and_its_story(store):
    records = corpus()

    def broken(tx, record, origin):
        raise RuntimeError("the disk is full")

    with pytest.raises(RuntimeError):
        LiveAdder(store, hooks=[broken]).add(records[:2])
    assert store.count() == 0 and story_rows(store) == {}
    assert store._fetch("SELECT count(*) FROM stories")[0][0] == 0
    LiveAdder(store).add(records[:2])  # a later add works and assigns afresh
    assert len(story_rows(store)) == 2


def test_stories_can_be_left_for_later(store):
    records = corpus()
    LiveAdder(store, stories=False).add(records)
    assert store.count() == len(records) and story_rows(store) == {}
    assert assign(store)["assigned"] == len(records)
