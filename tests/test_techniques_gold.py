"""The techniques gold set as a regression floor (bench/techniques.py prints the full table).

Floors sit under the scores recorded at the last change of the detectors
(micro P 0.90, R 0.47, F1 0.62 on all 92 paragraphs; own texts F1 0.92);
raise them as detectors improve.
"""
import json

import pytest

from benchload import bench
from unspun.techniques.base import TECHNIQUES

_techniques = bench("techniques")
GOLD, load_gold, predict, score = (_techniques.GOLD, _techniques.load_gold, _techniques.predict,
                                   _techniques.score)

MICRO_F1_FLOOR = 0.55
PRECISION_FLOOR = 0.75
OWN_TEXTS_F1_FLOOR = 0.75


def test_gold_file_is_well_formed():
    items = load_gold()
    assert len(items) >= 40
    for item in items:
        assert set(item["labels"]) <= set(TECHNIQUES), item
        if "file" in item:
            assert set(item) == {"file", "start", "end", "sha1", "labels"}
            assert item["start"] < item["end"]
        else:
            assert set(item) == {"text", "labels"} and len(item["text"]) < 300
    assert len({json.dumps(i, sort_keys=True) for i in items}) == len(items)
    assert GOLD.is_file()


def test_own_texts_floor():
    gold = [g for g in load_gold() if "text" in g]
    result = score(gold, predict(gold))
    assert result["micro"][2] >= OWN_TEXTS_F1_FLOOR, result["micro"]


def test_gold_floor(shared_data):
    gold = load_gold()
    pred = predict(gold, shared_data)
    if any(p is None for p in pred):
        pytest.skip("some gold articles are missing from the shared data")
    result = score(gold, pred)
    p, r, f = result["micro"]
    assert f >= MICRO_F1_FLOOR, result["micro"]
    assert p >= PRECISION_FLOOR, result["micro"]
