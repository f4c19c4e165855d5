"""Reported speech is a clause or a quotation, not the noun a verb acts on (issue 15).

A target verb (rejected, criticized, blamed, accused ...) reports speech only through a
clause, a gerund, a noun's 'that' clause or quoted words; a negated cue with a question
for its content reports nothing said; an object that is a relative pronoun leaves no
content; a cue-less quote after a cue with no content continues that speaker's turn.
Real parser, hand-written sentences."""
from __future__ import annotations

import pytest

from test_quotes import run, speaker_name  # the same helpers and components


def holding(rec, fragment: str) -> list[dict]:
    return [q for q in rec.quotes if fragment in q["content"]["text"]]


def direct_with(rec, fragment: str) -> dict:
    found = holding(rec, fragment)
    assert found and found[0]["kind"] == "direct", [q["content"]["text"] for q in rec.quotes]
    return found[0]


@pytest.mark.parametrize("text, fragment", [
    # a target verb's noun object
    ("Finance Minister Carla Diaz rejected the opposition's figures.", "figures"),
    ("Opposition leader Tomas Berg rejected the government's figures.", "figures"),
    ("Senator Paul Grant disputed that estimate on Monday.", "estimate"),
    ("The ombudsman's report criticized the police board for how it ran the inquiry.", "inquiry"),
    ("Harbour Steel will close its plant in Port Alder, the company said on Monday, "
     "blaming a sharp drop in orders from carmakers.", "sharp drop"),
    # a negated cue with a question
    ("A spokeswoman for the ministry, Ana Silva, would not say whether inspectors had visited the mine.",
     "inspectors had visited"),
    ("The statement did not say how many workers had been hurt.", "workers had been hurt"),
    ("The agency, which does not confirm whether it is investigating a company, said it "
     "was aware of the report.", "investigating a company"),
    # a relative pronoun object: what is said of it is outside the thing described
    ("The final, which coach Dana Wright had called a formality, ended in a 3-0 defeat.", "formality"),
])
def test_no_reported_speech(text, fragment):
    rec = run(text)
    assert holding(rec, fragment) == [], [q["content"]["text"] for q in rec.quotes]


@pytest.mark.parametrize("text, fragment, cue", [
    ("Senator Jane Cole accused the port authority of hiding the inspection report.",
     "of hiding the inspection report", "accused"),
    ("Senator Jane Cole criticized the council for delaying the vote again.",
     "for delaying the vote", "criticized"),
    ("Senator Jane Cole rejected claims that the bridge was unsafe.",
     "the bridge was unsafe", "rejected"),
    ('Senator Jane Cole rejected the "shameful" figures of the ministry.', "shameful", "rejected"),
    ("Senator Jane Cole denied any wrongdoing in the affair.", "any wrongdoing", "denied"),
])
def test_a_clause_gerund_or_quotation_stays_reported_speech(text, fragment, cue):
    rec = run(text)
    found = holding(rec, fragment)
    assert found, [q["content"]["text"] for q in rec.quotes]
    assert found[0]["cue"]["text"] == cue
    assert speaker_name(rec, found[0]) == "Jane Cole"


def test_a_reported_question_is_reported_speech():
    rec = run("Councillor Ruth Adebayo asked whether inspectors had visited the mine.")
    found = holding(rec, "inspectors had visited the mine")
    assert found and found[0]["kind"] == "indirect"
    assert "Ruth Adebayo" in speaker_name(rec, found[0])


def test_a_cueless_quote_continues_a_cue_without_content_before_it():
    text = ("The province argued that the road was safe for heavy trucks.\n\n"
            "Engineer Maria Lopez rejected that argument.\n\n"
            '"The road was never inspected. Not once in ten years."')
    rec = run(text)
    q = direct_with(rec, "never inspected")
    assert (speaker_name(rec, q), q["speaker"]["resolved"]["how"]) == ("Maria Lopez", "continuation")
    assert holding(rec, "that argument") == []


def test_a_relative_clause_that_quotes_words_stays_a_quote():
    rec = run('Police are investigating a fire that Chief Omar Haddad described as "a deliberate act."')
    found = holding(rec, "a deliberate act")
    assert found, [q["content"]["text"] for q in rec.quotes]
    assert "Omar Haddad" in speaker_name(rec, found[0])


@pytest.mark.parametrize("after, name", [
    ("That was how one retired teacher, Grace Nolan, put it as she left the hall.", "Grace Nolan"),
    ("With those words, posted online on Sunday, goalkeeper Marta Quinn ended her career.", "Marta Quinn"),
])
def test_a_lone_quote_takes_the_speaker_the_next_sentence_names(after, name):
    text = ("The town voted to close its only library after sixty years.\n\n"
            '"It feels like losing a friend. Nobody asked us what we wanted."\n\n' + after)
    q = direct_with(run(text), "losing a friend")
    assert q["speaker"] is not None and q["speaker"]["resolved"]["how"] == "following"
    assert name in q["speaker"]["name"]


def test_a_lone_quote_with_no_back_reference_keeps_a_null_speaker():
    text = ("The town voted to close its only library after sixty years.\n\n"
            '"It feels like losing a friend. Nobody asked us what we wanted."\n\n'
            "Grace Nolan, a retired teacher, organised the petition last spring.")
    assert direct_with(run(text), "losing a friend")["speaker"] is None
