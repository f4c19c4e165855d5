"""Languages as data: a toy language from a folder of data alone, and English's folder."""
from __future__ import annotations

import json

import pytest

import unspun.lang as lang
from unspun.pipeline.quote_cues import cue_candidates
from unspun.pipeline.quote_marks import find_quoted
from unspun.pipeline.registry import Context
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
