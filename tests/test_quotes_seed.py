"""What the quotes issue must show on the seed article."""
from __future__ import annotations

from unspun.voices import voice_at


def mukan_id(rec):
    return next(e["id"] for e in rec.entities if e["name"] == "Saken Mukan")


def test_three_direct_quotes_all_by_mukan(seed_record):
    direct = [q for q in seed_record.quotes if q["kind"] == "direct"]
    assert len(direct) == 3
    assert {q["speaker"]["entity"] for q in direct} == {mukan_id(seed_record)}
    assert direct[0]["speaker"]["text"] == "Mukan" and direct[0]["cue"]["text"] == "said"
    assert direct[2]["speaker"]["text"] == "he" and direct[2]["cue"]["text"] == "said"
    assert direct[0]["content"]["text"].startswith('"The anti-terrorist measures launched')
    assert direct[2]["content"]["text"].endswith('any countries,"')


def test_told_trend_introduces_mukan(seed_record):
    told = [q for q in seed_record.quotes if q["cue"] and q["cue"]["text"] == "told"]
    assert len(told) == 1
    assert told[0]["speaker"]["entity"] == mukan_id(seed_record)
    assert told[0]["content"]["text"].startswith("The anti-terrorist measures carried out")
    assert "Professor" not in told[0]["content"]["text"]


def test_according_to_him_is_mukan(seed_record):
    q = next(q for q in seed_record.quotes if q["content"]["text"].startswith("Armenia"))
    assert q["kind"] in ("indirect", "mixed")
    assert q["cue"]["text"] == "According to"
    assert q["speaker"]["text"] == "him"
    assert q["speaker"]["entity"] == mukan_id(seed_record)
    assert q["content"]["text"].endswith('"humanitarian crisis in Karabakh"')


def test_nested_presidential_elections_stays_inside(seed_record):
    rec = seed_record
    pos = rec.text.index('"presidential elections"')
    holders = [q for q in rec.quotes if q["content"]["start"] <= pos < q["content"]["end"]]
    assert len(holders) == 1 and holders[0]["kind"] == "direct"
    assert not [q for q in rec.quotes if q["content"]["text"] == '"presidential elections"']


def test_last_three_paragraphs_are_the_authors_voice(seed_record):
    rec = seed_record
    for para in rec.paragraphs[-3:]:
        segs = [v for v in rec.voice if para["start"] <= v["start"] < para["end"]]
        assert segs and {v["voice"] for v in segs} == {"author"}
        assert voice_at(rec, para["start"], para["end"]) == "author"


def test_mukan_speaks_and_others_do_not(seed_record):
    counts = {e["name"]: (e["quotes"], e["quoted_words"]) for e in seed_record.entities}
    quotes, words = counts["Saken Mukan"]
    assert quotes == len(seed_record.quotes) == 6
    assert words > 150
    assert all(n == 0 for name, (n, _) in counts.items() if name != "Saken Mukan")
