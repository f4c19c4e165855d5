"""The written quote cases (corpus/quotes/): every gold quote is found in its text, the
classes are known, and the held-out split is the one its rule gives."""
from __future__ import annotations

import hashlib

from benchload import bench
from conftest import ROOT

_cases = bench("quote_cases")
CLASSES, heldout_ids, load_cases = _cases.CLASSES, _cases.heldout_ids, _cases.load_cases


def test_cases_load_with_their_gold():
    cases = load_cases()
    assert len(cases) >= 40 and len({c.id for c in cases}) == len(cases)
    for case in cases:
        assert case.quotes, case.id
        for q in case.quotes:
            assert q["class"] in CLASSES, (case.id, q)
            assert all(case.text[s:e].strip() for s, e in q["parts"])
            assert q["speaker"] or q["refers"] or q["class"] == "cueless", (case.id, q)
    found = {q["class"] for c in cases for q in c.quotes}
    assert found == set(CLASSES)


def test_heldout_split_follows_its_rule():
    ids = {c.id for c in load_cases()}
    rule = {i for i in ids if int(hashlib.sha1(i.encode()).hexdigest()[:8], 16) % 2 == 0}
    assert heldout_ids() == rule
