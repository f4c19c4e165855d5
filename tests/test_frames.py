"""Frames from cue lexicons: thresholds, evidence spans, the 14 labels."""
import json
from importlib import resources

from unspun.pipeline.frames import FRAMES, MIN_HITS, detect_frames, frame_hits


def labels(text):
    return [f["label"] for f in detect_frames(text)]


def test_lexicon_covers_exactly_the_14_frames():
    raw = json.loads(resources.files("unspun").joinpath("lang/en/lexicons/frames.json").read_text())
    assert sorted(k for k in raw if not k.startswith("_")) == sorted(FRAMES)
    assert len(FRAMES) == 14


def test_economic_text():
    text = ("The budget deficit grew as tax revenue fell and inflation pushed prices up. "
            "Unemployment rose and investors left the market.")
    found = labels(text)
    assert found[0] == "Economic"
    assert "Security_and_defense" not in found


def test_security_and_legality():
    text = ("Troops and artillery moved to the border after the attack. The court ruled the "
            "operation illegal under international law, citing the constitution and the treaty. "
            "Soldiers fired missiles at military targets.")
    found = labels(text)
    assert "Security_and_defense" in found
    assert "Legality_Constitutionality_and_jurisprudence" in found


def test_too_few_cues_give_no_frame():
    text = "The weather was mild and the park was busy. One soldier walked a dog."
    assert len(frame_hits(text)["Security_and_defense"]) < MIN_HITS
    assert labels(text) == []


def test_evidence_spans_point_into_the_text():
    text = "Police arrested two men. Prosecutors charged them with fraud; a judge set bail. " * 2
    for frame in detect_frames(text):
        assert 0 < frame["score"] <= 1
        assert frame["evidence"] and len(frame["evidence"]) <= 5
        words = [e["text"].lower() for e in frame["evidence"]]
        assert len(words) == len(set(words))
        for e in frame["evidence"]:
            assert text[e["start"]:e["end"]] == e["text"]
    assert "Crime_and_punishment" in labels(text)


def test_weak_frames_relative_to_the_strongest_are_dropped():
    strong = "tax budget deficit inflation prices market jobs wages trade tariffs debt " * 3
    text = strong + " The court, the law and the judge."
    found = labels(text)
    assert "Economic" in found
    assert "Legality_Constitutionality_and_jurisprudence" not in found
