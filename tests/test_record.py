import json

import pytest

import unspun
from unspun.record import Record, check_spans, span
from unspun.schema import validate_record


def test_span_text_matches_offsets():
    s = span("Hello world", 6, 11)
    assert s == {"start": 6, "end": 11, "text": "world"}
    with pytest.raises(ValueError):
        span("abc", 2, 5)


def test_id_is_stable_and_depends_on_metadata():
    a = Record(text="Same text.", published="2023-01-01")
    b = Record(text="Same text.", published="2023-01-01")
    c = Record(text="Same text.", published="2023-01-02")
    assert a.id == b.id != c.id


def test_json_round_trip(seed_record):
    again = Record.from_json(seed_record.to_json())
    assert again == seed_record
    assert json.loads(again.to_json()) == seed_record.to_dict()


def test_every_span_points_into_text(seed_record):
    assert check_spans(seed_record) == []


def test_seed_output_validates_against_schema(seed_record):
    validate_record(seed_record.to_dict())


def test_schema_rejects_a_broken_record(seed_record):
    import jsonschema

    data = seed_record.to_dict()
    data["dateline"]["resolved_date"] = "20 September"
    with pytest.raises(jsonschema.ValidationError):
        validate_record(data)
    data = seed_record.to_dict()
    del data["entities"]
    with pytest.raises(jsonschema.ValidationError):
        validate_record(data)


def test_analyze_rejects_empty_text():
    with pytest.raises(unspun.UnspunError) as info:
        unspun.analyze("   \n")
    assert info.value.code == "U102"
