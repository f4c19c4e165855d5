"""Genre from the author's voice: reporting vs opinion."""
from unspun.pipeline.genre import author_text, detect_genre, genre_signals
from unspun.record import Record

REPORT = ("The city council voted on Tuesday to close the bridge, officials said. "
          "\"We have no choice,\" said Mayor Ann Cole. The repairs will take six months, "
          "according to the transport department. Engineers said the work would start in May.")
OPINION = ("I have lived here for thirty years, and I am tired of excuses. We must fix the bridge "
           "now. Why should our families wait another decade? The council should stop dithering "
           "and act! We need leaders, not committees.")


def test_reporting_and_opinion():
    assert detect_genre(Record(text=REPORT))["label"] == "reporting"
    assert detect_genre(Record(text=OPINION))["label"] == "opinion"
    for text in (REPORT, OPINION):
        assert 0.5 <= detect_genre(Record(text=text))["score"] <= 1


def test_quoted_first_person_does_not_count_as_the_authors():
    quoted = ('"I think we must act now, and I will," said the minister. "We should not wait," '
              'she added. Officials said the plan was announced on Monday.')
    signals = genre_signals(Record(text=quoted))
    assert signals["first_person"] == 0
    assert detect_genre(Record(text=quoted))["label"] == "reporting"


def test_author_text_uses_voice_segments_when_present():
    rec = Record(text="I said so. He said no.")
    rec.voice = [{"start": 0, "end": 10, "text": "I said so.", "voice": "Q1"},
                 {"start": 11, "end": 22, "text": "He said no.", "voice": "author"}]
    assert author_text(rec) == "He said no."


def test_never_claims_satire_without_a_model():
    for text in (REPORT, OPINION, "Area man declares war on his lawn! Experts baffled!"):
        assert detect_genre(Record(text=text))["label"] in ("reporting", "opinion")
