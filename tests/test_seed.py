"""What the foundation must show on the seed article."""
from conftest import find


def test_published_and_dateline(seed_record):
    rec = seed_record
    assert rec.published == "2023-09-20"
    assert rec.text.startswith("BAKU, Azerbaijan")
    assert rec.dateline["place"]["text"] == "BAKU, Azerbaijan"
    assert rec.dateline["date"]["text"] == "September 20"
    assert rec.dateline["resolved_date"] == "2023-09-20"
    assert rec.dateline["agency"] is None


def test_trend_is_an_interview_agency(seed_record):
    trend = [a for a in seed_record.agencies if a["name"] == "Trend"]
    assert [a["role"] for a in trend] == ["interview"]
    assert find(seed_record, "Trend")["type"] == "ORG"


def test_mukan_is_one_person_with_description(seed_record):
    mukan = find(seed_record, "Saken Mukan")
    assert mukan["type"] == "PERSON"
    texts = [m["text"] for m in mukan["mentions"]]
    assert "Saken Mukan" in texts and "Mukan" in texts
    assert not [e for e in seed_record.entities if e is not mukan and
                any(m["text"] == "Mukan" for m in e["mentions"])]
    descriptions = [d["text"] for d in mukan["descriptions"]]
    assert any("Professor of the Department of Media Communications" in d for d in descriptions)


def test_places_and_organisations(seed_record):
    for place in ("Azerbaijan", "Armenia", "Karabakh", "Baku"):
        entity = find(seed_record, place)
        assert entity is not None, place
        assert entity["type"] in ("GPE", "LOC"), (place, entity["type"])
    assert find(seed_record, "IITU")["type"] == "ORG"
    # "IITU's Professor of the Department of Media Communications and History of Kazakhstan":
    # one department's name, Kazakhstan in it (the tagger cuts it at "and")
    department = find(seed_record, "Department of Media Communications and History of Kazakhstan")
    assert department is not None and department["type"] == "ORG"
    baku = find(seed_record, "Baku")
    assert "BAKU" in [m["text"] for m in baku["mentions"]]


def test_paragraphs_and_sentences(seed_record):
    assert len(seed_record.paragraphs) == 9
    assert seed_record.paragraphs[-1]["text"].startswith("Only military targets")
    for s in seed_record.sentences:
        assert "\n\n" not in s["text"]
