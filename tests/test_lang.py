"""Languages as data: a toy language from a folder of data alone, and English's folder."""
from __future__ import annotations

import json

import pytest

import unspun
import unspun.lang as lang
from unspun.pipeline.quote_cues import cue_candidates
from unspun.pipeline.quote_marks import find_quoted
from unspun.pipeline.registry import REGISTRY, Context, load_all
from unspun.pipeline.runner import Pipeline
from unspun.pipeline.segment import paragraph_bounds
from unspun.readers.article import Article
from unspun.record import Record


@pytest.fixture
def toy(tmp_path):
    """Language "zz": quotes open with ‹ and close with ›, and its speech verb is "vor"."""
    folder = tmp_path / "zz"
    (folder / "lexicons").mkdir(parents=True)
    (folder / "quote_marks.json").write_text(json.dumps(
        {"double_open": "‹", "double_close": "›"}), "utf-8")
    (folder / "quote_cues.json").write_text(json.dumps(
        {"clause_verbs": ["vor"], "object_verbs": []}), "utf-8")
    (folder / "lemmas.json").write_text(json.dumps({"vors": "vor", "vored": "vor"}), "utf-8")
    (folder / "lexicons" / "fear.txt").write_text("# toy\nblarg\n", "utf-8")
    yield lang.register_folder(folder)
    lang.unregister("zz")


TEXT = "Mako vors ‹plim plam› to “them”. Kiri vored ‹zot›."


def test_toy_language_quote_marks_are_its_own(toy):
    assert "zz" in lang.available()
    spans = [TEXT[q.start:q.end] for q in find_quoted(TEXT, paragraph_bounds(TEXT), toy.quote_marks)]
    assert spans == ["‹plim plam›", "‹zot›"]  # English's “ ” are not this language's marks
    english = find_quoted(TEXT, paragraph_bounds(TEXT))
    assert [TEXT[q.start:q.end] for q in english] == ["“them”"]


def test_toy_language_is_parsed_with_a_blank_tokenizer_and_its_speech_verbs(toy):
    rec = Record(text=TEXT, language="zz")
    doc = Pipeline(["segment"])._parse_records([(0, rec, Article(text=TEXT))])[0]
    assert doc.text == TEXT and len(list(doc.sents)) == 2
    found = [doc[i].text for i in cue_candidates(doc, toy)]
    assert found == ["vors", "vored"]
    assert cue_candidates(doc, lang.get("en")) == []  # English's verbs are not "vor"
    ctx = Context(rec, doc)
    assert ctx.lang is toy and not ctx.english
    assert toy.lexicon("fear") == ("blarg",)
    assert toy.lexicon("doubt") == ()  # absent files give nothing, never English


def test_english_lives_in_its_folder():
    en = lang.get("en")
    assert en.folder.name == "en" and en.folder.parent == lang.BUILTIN
    assert "say" in en.quote_cues["clause_verbs"]
    assert "“" in en.quote_marks.double_open
    assert en.lexicon("fear")  # technique lexicons
    assert en.data("lexicons/frames")["Economic"]


def test_unknown_language_has_no_data():
    xq = lang.get("xq")
    assert xq.quote_cues == {} and xq.lexicon("fear") == () and xq.backend is None


def test_register_folder_that_does_not_exist(tmp_path):
    with pytest.raises(FileNotFoundError):
        lang.register_folder(tmp_path / "nope")


def test_registering_a_language_keeps_the_others_loaded(tmp_path):
    en = lang.get("en")
    (tmp_path / "zy").mkdir()
    try:
        assert lang.register_folder(tmp_path / "zy").code == "zy"
        assert lang.get("en") is en  # English's model is not loaded again
    finally:
        lang.unregister("zy")
    assert "zy" not in lang.available()


# -- a toy language run through the real pipeline, from a folder of data alone ------------

@pytest.fixture
def toy_full(tmp_path):
    """Language "zy": its own quote marks and speech verb, dateline months, a scare-quote
    word and a fear lexicon; nothing else."""
    folder = tmp_path / "zy"
    (folder / "lexicons").mkdir(parents=True)
    files = {
        "quote_marks.json": {"double_open": "‹", "double_close": "›"},
        "quote_cues.json": {"clause_verbs": ["vor"]},
        "lemmas.json": {"vors": "vor"},
        "patterns.json": {"dateline_month": "(?:Plim|Plam)", "dateline_day": "\\d{1,2}"},
        "words.json": {"month_numbers": {"plim": 1, "plam": 2}},
        "techniques.json": {"distancing": {"quote_marks": "‹›", "close_only": "›",
                                           "open_only": "‹", "before_term": ["ko"]}},
    }
    for name, data in files.items():
        (folder / name).write_text(json.dumps(data), "utf-8")
    (folder / "lexicons" / "fear.txt").write_text("blarg\n", "utf-8")
    yield lang.register_folder(folder)
    lang.unregister("zy")


TOY = ("KORU, Plim 3 — Mako vors ‹plim plam plom›. Kiri blums ko ‹zorb›. "
       "The blarg is near the “elections” of the country.")


def test_toy_language_data_is_used_by_the_pipeline(toy_full):
    rec = unspun.analyze(TOY, language="zy", published="2024-01-10")
    assert rec.language == "zy"
    # its month names: the dateline's date is found and resolved
    assert rec.dateline["place"]["text"] == "KORU" and rec.dateline["date"]["text"] == "Plim 3"
    assert rec.dateline["resolved_date"] == "2024-01-03"
    # its scare-quote marks and word, its fear lexicon; English's ("the “elections”") unused
    found = {(t["label"], t["text"]) for t in rec.techniques}
    assert found == {("Doubt", "‹zorb›"), ("Appeal_to_Fear-Prejudice", "blarg")}
    # the same text as English: English's words, not the toy's
    english = unspun.analyze(TOY, language="en", published="2024-01-10")
    assert ("Doubt", "“elections”") in {(t["label"], t["text"]) for t in english.techniques}
    assert english.dateline is None or english.dateline.get("date") is None


def test_toy_language_direct_quote_with_speaker(toy_full):
    load_all()
    # quotes runs where the language provides quote marks and cue words (its data)
    assert REGISTRY["quotes"].runs_on("zy") and not REGISTRY["quotes"].runs_on("xq")
    rec = unspun.analyze(TOY, language="zy")
    direct = [q for q in rec.quotes if q["kind"] == "direct"]
    # a direct quote's content keeps its marks (docs/record.md), the toy's own marks
    assert [q["content"]["text"] for q in direct] == ["‹plim plam plom›"]
    assert direct[0]["speaker"]["text"] == "Mako"


def test_components_declare_the_languages_they_run_on(toy_full, tmp_path):
    load_all()
    bare = tmp_path / "zx"
    bare.mkdir()
    lang.register_folder(bare)
    try:
        techniques, genre = REGISTRY["techniques"], REGISTRY["genre"]
        assert techniques.runs_on("en") and techniques.runs_on("zy")  # techniques.json
        assert not techniques.runs_on("zx") and not techniques.runs_on("xq")  # no data, no folder
        assert genre.runs_on("zy") and not genre.runs_on("zx")  # patterns.json
        assert not REGISTRY["frames"].runs_on("zy")  # no lexicons/frames.json
        assert REGISTRY["segment"].runs_on("zx")  # any language
        rec = unspun.analyze("Mako blums ko ‹zorb› blarg.", language="zx")
        assert rec.techniques == [] and rec.genre is None
    finally:
        lang.unregister("zx")


def test_a_rule_of_data_in_a_plugin_component(toy_full):
    from unspun.pipeline import component

    seen = []

    @component("zz_marks_probe", languages=lang.provides("quote_marks"))
    def probe(ctx: Context) -> None:
        seen.append(ctx.lang.code)

    try:
        assert isinstance(REGISTRY["zz_marks_probe"].languages, lang.Provides)
        unspun.analyze("Mako vors.", language="zy", enable=["zz_marks_probe"])
        unspun.analyze("Mako vors.", language="xq", enable=["zz_marks_probe"])
        assert seen == ["zy"]
    finally:
        REGISTRY.pop("zz_marks_probe", None)
