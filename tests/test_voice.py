"""Voice: every sentence's text is the author's or a quote's, by quote id."""
from __future__ import annotations

import unspun
import unspun.pipeline.quotes  # noqa: F401  (registers the component)
import unspun.pipeline.voice  # noqa: F401
from unspun.pipeline.voice import segments
from unspun.voices import voice_at

COMPONENTS = ("segment", "dateline", "agencies", "entities", "quotes", "voice")


def covered_words(rec):
    """Non-space characters of the sentences, and those the voice segments cover."""
    want = {i for s in rec.sentences for i in range(s["start"], s["end"]) if not rec.text[i].isspace()}
    got = {i for v in rec.voice for i in range(v["start"], v["end"]) if not rec.text[i].isspace()}
    return want, got


def test_segments_cover_every_sentence_without_crossing_one():
    rec = unspun.analyze('Maria Lopez spoke.\n\n"We will win," she said. The crowd cheered.',
                         components=COMPONENTS)
    want, got = covered_words(rec)
    assert want == got
    starts = [s["start"] for s in rec.sentences]
    for v in rec.voice:
        assert rec.text[v["start"]:v["end"]] == v["text"]
        inside = [s for s in rec.sentences if s["start"] <= v["start"] and v["end"] <= s["end"]]
        assert inside, f"segment {v['text']!r} crosses a sentence boundary"
    assert starts == sorted(starts)


def test_quote_text_is_the_quote_voice_and_attribution_the_author():
    rec = unspun.analyze('"The measures were no surprise," Olaf Brandt said.', components=COMPONENTS)
    qid = rec.quotes[0]["id"]
    text = rec.text
    assert voice_at(rec, text.index("measures")) == qid
    assert voice_at(rec, text.index("Brandt")) == "author"


def test_innermost_quote_wins_and_split_parts_leave_attribution_to_author():
    text = "0123456789" * 3
    quotes = [
        {"id": "Q1", "content": {"start": 0, "end": 30}, "parts": [{"start": 0, "end": 10}, {"start": 20, "end": 30}]},
        {"id": "Q2", "content": {"start": 3, "end": 6}},
    ]
    segs = segments(text, [{"start": 0, "end": 30, "text": text}], quotes)
    assert [(s["start"], s["end"], s["voice"]) for s in segs] == [
        (0, 3, "Q1"), (3, 6, "Q2"), (6, 10, "Q1"), (10, 20, "author"), (20, 30, "Q1")]


def test_non_english_text_is_all_author():
    rec = unspun.analyze("Der Minister sagte am Montag, dass die Steuern steigen werden. "
                         "Die Opposition kritisierte den Plan scharf und forderte Neuwahlen.",
                         components=COMPONENTS)
    if rec.language == "en":  # language detection unsure: nothing to check here
        return
    assert rec.voice and {v["voice"] for v in rec.voice} == {"author"}
