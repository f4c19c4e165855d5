"""Reported speech is a clause or a quotation, not the noun a verb acts on (issue 15).

A target verb (rejected, criticized, blamed, accused ...) reports speech only through a
clause, a gerund, a noun's 'that' clause or quoted words; a negated cue with a question
for its content reports nothing said; an object that is a relative pronoun leaves no
content; a cue-less quote after a cue with no content continues that speaker's turn.
Real parser, hand-written sentences."""
from __future__ import annotations

import pytest

import unspun
import unspun.pipeline.quotes  # noqa: F401  (registers the component)
from unspun.record import check_spans

COMPONENTS = ("segment", "dateline", "agencies", "entities", "quotes")


def run(text: str):
    rec = unspun.analyze(text, components=COMPONENTS)
    assert check_spans(rec) == []
    return rec


def holding(rec, fragment: str) -> list[dict]:
    return [q for q in rec.quotes if fragment in q["content"]["text"]]


def speaker_name(rec, quote) -> str | None:
    sp = quote["speaker"]
    if sp is None or sp["entity"] is None:
        return None
    return rec.entity(sp["entity"])["name"]


@pytest.mark.parametrize("text, fragment", [
    ("Finance Minister Carla Diaz rejected the opposition's figures.", "figures"),
    ("Opposition leader Tomas Berg rejected the government's figures.", "figures"),
    ("Senator Paul Grant disputed that estimate on Monday.", "estimate"),
    ("The ombudsman's report criticized the police board for how it ran the inquiry.", "inquiry"),
    ("Harbour Steel will close its plant in Port Alder, the company said on Monday, "
     "blaming a sharp drop in orders from carmakers.", "sharp drop"),
])
def test_a_target_verbs_noun_object_is_no_quote(text, fragment):
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


@pytest.mark.parametrize("text, fragment", [
    ("A spokeswoman for the ministry, Ana Silva, would not say whether inspectors had visited the mine.",
     "inspectors had visited"),
    ("The statement did not say how many workers had been hurt.", "workers had been hurt"),
    ("The agency, which does not confirm whether it is investigating a company, said it "
     "was aware of the report.", "investigating a company"),
])
def test_a_negated_cue_with_a_question_reports_nothing(text, fragment):
    rec = run(text)
    assert holding(rec, fragment) == [], [q["content"]["text"] for q in rec.quotes]


def test_a_reported_question_is_reported_speech():
    rec = run("Councillor Ruth Adebayo asked whether inspectors had visited the mine.")
    found = holding(rec, "inspectors had visited the mine")
    assert found and found[0]["kind"] == "indirect"
    assert "Ruth Adebayo" in speaker_name(rec, found[0])


def test_a_relative_pronoun_object_leaves_no_content():
    rec = run("The final, which coach Dana Wright had called a formality, ended in a 3-0 defeat.")
    assert holding(rec, "formality") == [], [q["content"]["text"] for q in rec.quotes]


def test_a_cueless_quote_continues_a_cue_without_content_before_it():
    text = ("The province argued that the road was safe for heavy trucks.\n\n"
            "Engineer Maria Lopez rejected that argument.\n\n"
            '"The road was never inspected. Not once in ten years."')
    rec = run(text)
    found = holding(rec, "never inspected")
    assert found and found[0]["kind"] == "direct"
    assert speaker_name(rec, found[0]) == "Maria Lopez"
    assert found[0]["speaker"]["resolved"]["how"] == "continuation"
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
    rec = run(text)
    found = holding(rec, "losing a friend")
    assert found and found[0]["kind"] == "direct"
    assert found[0]["speaker"] is not None and name in (speaker_name(rec, found[0]) or "")
    assert found[0]["speaker"]["resolved"]["how"] == "following"


def test_a_lone_quote_with_no_back_reference_keeps_a_null_speaker():
    text = ("The town voted to close its only library after sixty years.\n\n"
            '"It feels like losing a friend. Nobody asked us what we wanted."\n\n'
            "Grace Nolan, a retired teacher, organised the petition last spring.")
    rec = run(text)
    found = holding(rec, "losing a friend")
    assert found and found[0]["speaker"] is None
