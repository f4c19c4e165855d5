"""Pathological articles (bench/pathological.py's inputs) at a moderate size: each is
analysed by the full default pipeline without a problem, and the record is sane.  Their
speed is the bench's business, not a test's."""
from __future__ import annotations

import json

import pytest

from benchload import bench

SIZE = 3000

pathological = bench("pathological")


@pytest.fixture(scope="module")
def records():
    from unspun.pipeline.runner import Pipeline
    from unspun.readers.article import Article

    names = list(pathological.GENERATORS)
    articles = [Article(text=pathological.GENERATORS[n](SIZE), origin=n) for n in names]
    return dict(zip(names, Pipeline().analyze_batch(articles)))


def _spans(rec):
    """Every character span the record reports."""
    yield from rec.paragraphs
    yield from rec.sentences
    yield from rec.voice
    for q in rec.quotes:
        yield q["content"]
        yield from q.get("parts") or []
        for key in ("cue", "speaker"):
            if q.get(key):
                yield q[key]
    for e in rec.entities:
        yield from e["mentions"]
    yield from rec.techniques


@pytest.mark.parametrize("name", list(pathological.GENERATORS))
def test_analysed_with_spans_that_point_into_the_text(records, name):
    rec = records[name]
    assert hasattr(rec, "quotes"), f"{name}: {rec}"  # a Record, not a Problem
    assert SIZE - 2 <= len(rec.text) <= SIZE  # surrounding whitespace may be trimmed
    for span in _spans(rec):
        assert 0 <= span["start"] < span["end"] <= len(rec.text)
        assert rec.text[span["start"]:span["end"]] == span["text"]
    if rec.language == "en":  # gibberish may read as another language: no deeper analysis
        assert rec.genre["label"] in ("reporting", "opinion", "satire")  # a valid label
    json.dumps(rec.to_dict())


@pytest.mark.parametrize("name", ["quotes", "quote_runs", "dashes", "no_spaces", "letters_only",
                                  "nested_quotes"])
def test_marks_without_speech_make_no_quotes(records, name):
    """Runs of quotation marks, dashes or one giant token: no one is quoted."""
    rec = records[name]
    assert len(rec.quotes) <= 2, rec.quotes[:3]
    assert not any(q["kind"] == "direct" and len(q["content"]["text"].split()) == 0
                   for q in rec.quotes)


def test_said_lines_give_one_quote_each(records):
    """'"Yes," he said.' repeated: one direct quote per quoted word, spoken by 'he'/'she'."""
    rec = records["he_said"]
    pairs = rec.text.count(" said.")
    direct = [q for q in rec.quotes if q["kind"] == "direct"]
    assert pairs - 2 <= len(direct) <= pairs + 1
    assert all(q["speaker"] and q["speaker"]["text"] in ("he", "she") for q in direct[:-1])


def test_voice_covers_every_sentence_once(records):
    for name in ("he_said", "scare_quotes", "huge_sentence", "short_lines"):
        rec = records[name]
        segs = sorted((s["start"], s["end"]) for s in rec.voice)
        assert all(a[1] <= b[0] for a, b in zip(segs, segs[1:])), name  # no overlap
        covered = sum(e - s for s, e in segs)
        assert covered >= sum(len(s["text"].strip()) for s in rec.sentences) * 0.9, name
