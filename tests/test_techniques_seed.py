"""What the techniques, frames and genre must show on the seed article (issue 4)."""
from unspun.record import check_spans
from unspun.schema import validate_record


def techniques(rec, label=None):
    return [t for t in rec.techniques if label is None or t["label"] == label]


def test_labels_on_author_terms(seed_record):
    for term in ("separatist regime", "illegal armed formations"):
        hits = [t for t in seed_record.techniques if term in t["text"]
                and t["label"] in ("Name_Calling-Labeling", "Loaded_Language")]
        assert hits, term
        assert all(t["voice"] == "author" for t in hits), hits


def test_doubt_on_scare_quotes(seed_record):
    doubt = [t["text"] for t in techniques(seed_record, "Doubt")]
    assert any("presidential elections" in t for t in doubt), doubt
    assert any("humanitarian crisis in Karabakh" in t for t in doubt), doubt
    so = next(t for t in techniques(seed_record, "Doubt") if "presidential" in t["text"])
    assert "so-called" in so["evidence"] and so["text"].startswith("so-called")


def test_repetition_of_constitutional_order(seed_record):
    reps = [t for t in techniques(seed_record, "Repetition") if "constitutional order" in t["text"]]
    assert len(reps) >= 2
    assert all("repeated" in t["evidence"] for t in reps)


def test_authority_on_the_professors_quotes(seed_record):
    auth = techniques(seed_record, "Appeal_to_Authority")
    assert len(auth) >= 2
    assert all("Professor" in t["evidence"] for t in auth)
    texts = " ".join(t["text"] for t in auth)
    assert "restoring the constitutional order" in texts


def test_frames_include_legality_and_security(seed_record):
    labels = [f["label"] for f in seed_record.frames]
    assert "Legality_Constitutionality_and_jurisprudence" in labels
    assert "Security_and_defense" in labels
    for f in seed_record.frames:
        assert f["evidence"] and 0 < f["score"] <= 1


def test_genre_is_reporting(seed_record):
    assert seed_record.genre["label"] == "reporting"


def test_spans_and_schema(seed_record):
    assert check_spans(seed_record) == []
    validate_record(seed_record.to_dict())
    for t in seed_record.techniques:
        assert seed_record.text[t["start"]:t["end"]] == t["text"]
