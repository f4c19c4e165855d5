"""Alerts: saved searches checked like `unspun search`, matched in the storing transaction,
each match recorded once, delivered to a file, a command's stdin and a real webhook."""
from __future__ import annotations

import json
import sys

import pytest

import unspun
from test_store_support import corpus
from unspun.alerts import (add_alert, deliver_pending, get_alert, list_alerts, remove_alert,
                           preview_alert)
from unspun.errors import UnspunError
from unspun.stories.live import live_adder
from webfixture import WebFixture


@pytest.fixture
def store(tmp_path):
    with unspun.open_store(tmp_path / "a.db") as s:
        yield s


def code_of(call) -> str:
    with pytest.raises(UnspunError) as info:
        call()
    return info.value.code


def test_alerts_are_checked_when_saved(store, tmp_path):
    out = str(tmp_path / "a.jsonl")
    assert code_of(lambda: add_alert(store, "x", "budget", target_kind="file",
                                     target="")) == "U921"
    assert code_of(lambda: add_alert(store, "x", "budget", filters={"since": "2023-13"},
                                     target_kind="file", target=out)) == "U921"
    assert code_of(lambda: add_alert(store, "x", "budget", filters={"colour": "red"},
                                     target_kind="file", target=out)) == "U921"
    assert code_of(lambda: add_alert(store, "x", None, target_kind="file",
                                     target=out)) == "U921"
    assert code_of(lambda: add_alert(store, "x", None, min_outlets=1, target_kind="file",
                                     target=out)) == "U921"
    add_alert(store, "x", "budget", target_kind="file", target=out)
    assert code_of(lambda: add_alert(store, "x", "again", target_kind="file",
                                     target=out)) == "U921"
    assert code_of(lambda: get_alert(store, "nope")) == "U920"
    assert remove_alert(store, "x")["name"] == "x"
    assert list_alerts(store) == []


def test_each_match_is_recorded_once_and_written_to_the_file(store, tmp_path):
    out = tmp_path / "a.jsonl"
    records = corpus()
    add_alert(store, "planet", None, filters={"source": ["Daily Planet"]},
              target_kind="file", target=str(out))
    expected = sorted(r.id for r in records if r.source == "Daily Planet")
    live_adder(store).add(records)
    live_adder(store).add(records)  # stored again: skipped, no second match
    assert deliver_pending(store) == {"delivered": len(expected), "failed": 0}
    assert deliver_pending(store) == {"delivered": 0, "failed": 0}
    sent = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted(s["article"]["id"] for s in sent) == expected
    assert all(s["alert"] == "planet" and s["story"]["id"] for s in sent)
    # `alerts test` runs the saved search over what is stored, recording nothing
    found = preview_alert(store, "planet")
    assert sorted(h["article_id"] for h in found["hits"]) == expected
    assert list_alerts(store)[0]["matches"] == len(expected)


def test_words_and_filters_match_like_search(store, tmp_path):
    records = corpus()
    store.add(records)
    cases = [("words", "budget", {}, 2), ("phrase", '"the budget is"', {}, 1),
             ("speaker", None, {"speaker": "lane"}, 2), ("technique", None, {"technique": "doubt"}, 1),
             ("both", "budget", {"source": ["Daily Planet"]}, 1)]
    for name, query, filters, _ in cases:
        add_alert(store, name, query, filters=filters, target_kind="file",
                  target=str(tmp_path / f"{name}.jsonl"))
    fresh = corpus()
    with unspun.open_store(tmp_path / "b.db") as other:
        for name, *_ in cases:
            alert = get_alert(store, name)
            add_alert(other, name, alert["query"], filters=alert["filters"],
                      target_kind="file", target=str(tmp_path / f"b-{name}.jsonl"))
        live_adder(other).add(fresh)
        for name, _, _, expected in cases:
            alert = get_alert(store, name)
            searched = sorted(h["article_id"] for h in store.search(
                alert["query"], **alert["filters"], limit=100))
            matched = sorted(r[0] for r in other._fetch(
                "SELECT m.article_id FROM alert_matches m JOIN alerts a ON a.id = m.alert_id "
                "WHERE a.name = ?", (name,)))
            assert matched == searched and len(matched) == expected, name


def test_command_gets_the_match_on_stdin_and_a_failure_stays_pending(store, tmp_path):
    got = tmp_path / "got.json"
    script = f"import sys; open({str(got)!r}, 'w').write(sys.stdin.read())"
    add_alert(store, "cmd", None, filters={"source": ["Daily Planet"]}, target_kind="command",
              target=f"{sys.executable} -c {json.dumps(script)}")
    add_alert(store, "broken", None, filters={"source": ["Daily Planet"]},
              target_kind="command", target=f"{sys.executable} -c 'raise SystemExit(4)'")
    live_adder(store).add([r for r in corpus() if r.source == "Daily Planet"][:1])
    counts = deliver_pending(store)
    assert counts == {"delivered": 1, "failed": 1}
    payload = json.loads(got.read_text("utf-8"))
    assert payload["alert"] == "cmd" and payload["kind"] == "article"
    broken = {a["name"]: a for a in list_alerts(store)}["broken"]
    assert broken["pending"] == 1
    assert "exited 4" in store._fetch("SELECT error FROM alert_matches WHERE delivered_at "
                                      "IS NULL")[0][0]


def test_webhook_posts_json_and_private_addresses_need_allowing(store):
    with WebFixture() as web:
        add_alert(store, "hook", None, filters={"source": ["Daily Planet"]},
                  target_kind="webhook", target=web.url("/hook"), allow_private={"127.0.0.1"})
        add_alert(store, "refused", None, filters={"source": ["Daily Planet"]},
                  target_kind="webhook", target=web.url("/hook"))
        live_adder(store).add([r for r in corpus() if r.source == "Daily Planet"][:1])
        assert deliver_pending(store) == {"delivered": 1, "failed": 1}
        assert len(web.site.posted) == 1
        body = json.loads(web.site.posted[0])
        assert body["alert"] == "hook" and body["match_id"]
        _, headers = [r for r in web.site.requests if r[0] == "/hook"][-1]
        assert headers["content-type"] == "application/json"
        error = store._fetch("SELECT error FROM alert_matches WHERE delivered_at IS NULL")[0][0]
        assert "U902" in error


def test_story_alert_fires_once_when_the_story_reaches_n_outlets(store, tmp_path):
    out = tmp_path / "s.jsonl"
    add_alert(store, "two", None, min_outlets=2, target_kind="file", target=str(out))
    adder = live_adder(store)
    for rec in sorted(corpus(), key=lambda r: r.published or ""):
        adder.add([rec])
    deliver_pending(store)
    sent = [json.loads(x) for x in out.read_text("utf-8").splitlines()] if out.exists() else []
    stories = store._fetch("SELECT story_id, count(DISTINCT source) FROM story_articles "
                           "GROUP BY story_id")
    wide = sorted(sid for sid, n in stories if n >= 2)
    assert sorted(s["story"]["id"] for s in sent) == wide  # once per story, no more
    assert all(len(s["story"]["outlets"]) >= 2 for s in sent)
