"""The terminal view of techniques: markers, per-technique lines, rates per voice."""
from rich.console import Console

from unspun.record import Record
from unspun.render import print_record
from unspun.techniques.report import rate_line, rates_by_voice


def record():
    text = 'The regime lied. "They are thugs and liars," said Ann Lee. The end of the story.'
    rec = Record(text=text)
    q0, q1 = text.index("They"), text.index(',"')
    rec.entities = [{"id": "E1", "name": "Ann Lee", "type": "PERSON", "descriptions": [],
                     "mentions": [{"start": text.index("Ann"), "end": text.index("Ann") + 7,
                                   "text": "Ann Lee"}]}]
    rec.quotes = [{"id": "Q1", "kind": "direct", "cue": None,
                   "speaker": {"entity": "E1", "name": "Ann Lee", "start": 0, "end": 0, "text": ""},
                   "content": {"start": q0, "end": q1, "text": text[q0:q1]}}]
    rec.voice = [{"start": 0, "end": q0, "text": text[:q0], "voice": "author"},
                 {"start": q0, "end": q1, "text": text[q0:q1], "voice": "Q1"},
                 {"start": q1, "end": len(text), "text": text[q1:], "voice": "author"}]
    s = text.index("thugs")
    rec.techniques = [
        {"label": "Name_Calling-Labeling", "start": 4, "end": 10, "text": "regime", "voice": "author",
         "score": 0.6, "evidence": "label 'regime' for a person or group"},
        {"label": "Name_Calling-Labeling", "start": s, "end": s + 5, "text": "thugs", "voice": "Q1",
         "score": 0.6, "evidence": "label 'thugs' for a person or group"}]
    return rec


def test_rates_by_voice():
    rows = rates_by_voice(record())
    assert rows[0][0] == "author" and rows[1][0] == "Ann Lee"
    assert rows[1][1:3] == (1, 5)  # one technique in "They are thugs and liars"
    assert abs(rows[1][3] - 200.0) < 1e-9
    assert rows[0][1:3] == (1, 11)  # the other 11 of the 16 words are the author's
    assert rate_line(record()) == ("author 90.9 per 1,000 words (1 in 11 words); "
                                   "Ann Lee 200.0 (1 in 5 words)")


def test_pretty_output_marks_and_lists_techniques():
    console = Console(record=True, width=140, color_system=None)
    print_record(record(), console)
    out = console.export_text()
    assert "regime[1]" in out and "thugs[2]" in out
    assert "Name_Calling-Labeling [author]" in out
    assert "Name_Calling-Labeling [quote Q1 (Ann Lee)]" in out
    assert "label 'thugs' for a person or group" in out
    assert "rhetoric" in out and "per 1,000 words" in out
